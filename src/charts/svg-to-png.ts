import { Resvg } from '@resvg/resvg-js';
import { CJK_FONT_FAMILY, findCjkFontFiles } from './cjk-font.js';

/**
 * Renders a chart SVG to PNG with resvg, using only the Noto Sans CJK files found on the system
 * (system font scanning is off: it is slow and could pick a font without Chinese glyphs).
 * `scale` 2 gives crisp photos in Telegram and on high-density screens.
 * Throws ChartFontError (naming fonts-noto-cjk) when no CJK font is installed.
 */
export async function svgToPng(
  svg: string,
  options: { scale?: number; fontFiles?: string[] } = {},
): Promise<Buffer> {
  const fontFiles = options.fontFiles ?? findCjkFontFiles();
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: CJK_FONT_FAMILY,
      sansSerifFamily: CJK_FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
