import type { KnowledgeTools } from '../../assistant/ports.js';
import { chartFont } from '../../charts/cjk-font.js';
import { renderStatsPng } from '../../charts/stats-chart.js';
import type { Logger } from '../../logger.js';

/**
 * Checks at start that chart PNGs can be drawn (warns with the fix when the chart font is missing)
 * and, with `prewarm`, renders the Chinese stats picture in the background: the first render
 * shapes every label against a 20 MB font (seconds on a small machine) and later ones hit the
 * cache, so Telegram /stats and the PNG download answer at once.
 */
export function checkAndWarmCharts(tools: KnowledgeTools, logger: Logger, prewarm: boolean): void {
  try {
    chartFont();
  } catch (error) {
    logger.warn({ err: error }, 'chart PNGs are unavailable until the chart font is installed');
    return;
  }
  if (!prewarm) return;
  const started = performance.now();
  renderStatsPng(tools, 'zh').then(
    () => logger.debug({ ms: Math.round(performance.now() - started) }, 'stats chart pre-rendered'),
    (error: unknown) => logger.warn({ err: error }, 'could not pre-render the stats chart'),
  );
}
