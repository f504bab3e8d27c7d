import { writeFileSync } from 'node:fs';
import { createTestCore } from './support/create-test-core.js';
import { renderTargetsSvg, renderStatsSvg, svgToPng } from '../src/charts/stats-chart.js';
import { leadersView } from '../src/channels/leaders-view.js';
const t = await createTestCore();
for (const lang of ['zh', 'en'] as const) {
  const v = leadersView(t.core.tools, lang);
  for (const layout of ['wide', 'narrow'] as const) {
    const svg = renderTargetsSvg(v.targets, lang, { layout });
    writeFileSync(`/tmp/scr/targets-${lang}-${layout}.png`, await svgToPng(svg));
    console.log([...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]).join('\n'));
  }
  writeFileSync(`/tmp/scr/stats-${lang}.png`, await svgToPng(renderStatsSvg(v, lang)));
}
await t.cleanup();
