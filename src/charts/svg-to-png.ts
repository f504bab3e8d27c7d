import { createHash } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import { chartFont, type ChartFont } from './cjk-font.js';

/** Rendered PNGs by SVG hash: resvg shapes every text run against an 8–20 MB CJK font (~0.1 s each). */
const cache = new Map<string, Promise<Buffer>>();
const CACHE_SIZE = 16;

/**
 * Renders a chart SVG to PNG with resvg, using only the chart font (`chartFont()`: Noto Sans SC from
 * npm unless CHART_FONT=system; system font scanning is off: it is slow and could pick a font
 * without Chinese glyphs). The SVG's generic `sans-serif` maps to that font's family.
 * Rendering runs off the event loop (renderAsync) and identical SVGs are served from a small
 * cache, since charts change only when figures do. `scale` 2 gives crisp Telegram photos.
 * Throws ChartFontError when the chart font is not installed.
 */
export async function svgToPng(
  svg: string,
  options: { scale?: number; font?: ChartFont } = {},
): Promise<Buffer> {
  const font = options.font ?? chartFont();
  const scale = options.scale ?? 2;
  const key = createHash('sha256')
    .update(`${scale}\0${font.family}\0${font.files.join('\0')}\0${svg}`)
    .digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const rendering = renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: font.files,
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  }).then((image) => image.asPng());
  cache.set(key, rendering);
  rendering.catch(() => cache.delete(key));
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return rendering;
}
