import { createHash } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import { CJK_FONT_FAMILY, findCjkFontFiles } from './cjk-font.js';

/** Rendered PNGs by SVG hash: resvg shapes every text run against a 20 MB CJK collection (~0.1 s each). */
const cache = new Map<string, Promise<Buffer>>();
const CACHE_SIZE = 16;

/**
 * Renders a chart SVG to PNG with resvg, using only the Noto Sans CJK files found on the system
 * (system font scanning is off: it is slow and could pick a font without Chinese glyphs).
 * Rendering runs off the event loop (renderAsync) and identical SVGs are served from a small
 * cache, since charts change only when figures do. `scale` 2 gives crisp Telegram photos.
 * Throws ChartFontError (naming fonts-noto-cjk) when no CJK font is installed.
 */
export async function svgToPng(
  svg: string,
  options: { scale?: number; fontFiles?: string[] } = {},
): Promise<Buffer> {
  const fontFiles = options.fontFiles ?? findCjkFontFiles();
  const scale = options.scale ?? 2;
  const key = createHash('sha256')
    .update(`${scale}\0${fontFiles.join('\0')}\0${svg}`)
    .digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const rendering = renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: CJK_FONT_FAMILY,
      sansSerifFamily: CJK_FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  }).then((image) => image.asPng());
  cache.set(key, rendering);
  rendering.catch(() => cache.delete(key));
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return rendering;
}
