import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../errors.js';

/** No font with Chinese glyphs was found, so a PNG would show empty boxes ("tofu") instead of text. */
export class ChartFontError extends AppError {}

/** A font resvg draws chart text with: its family name and the files that hold its faces. */
export interface ChartFont {
  family: string;
  /** Regular first, bold when there is one. */
  files: string[];
}

/** `bundled`: Noto Sans SC from npm (the default); `system`: the distribution's Noto Sans CJK. */
export type ChartFontChoice = 'bundled' | 'system';

/** The family name of Noto Sans CJK on the system; its collection file also holds JP/KR/TC faces. */
export const CJK_FONT_FAMILY = 'Noto Sans CJK SC';

/** The family name inside @embedpdf/fonts-sc's OTF files (Noto Sans Simplified Chinese, OFL). */
const BUNDLED_FONT_FAMILY = 'Noto Sans S Chinese';
const BUNDLED_FONT_FILES = ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'];

/** Where distributions put Noto Sans CJK (Debian/Ubuntu `fonts-noto-cjk`, Fedora, Arch, Alpine). */
export const KNOWN_CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto/NotoSansCJK-Regular.ttc',
];

/**
 * Noto Sans SC (Simplified Chinese) as installed by npm with the @embedpdf/fonts-sc package, so
 * charts have text after `npm install` alone. Throws ChartFontError when the package is missing.
 */
export function bundledChartFont(): ChartFont {
  let folder: string;
  try {
    folder = path.join(
      path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')),
      '..',
      'fonts',
    );
  } catch (error) {
    throw new ChartFontError(
      'The chart font package @embedpdf/fonts-sc is not installed: run `npm install` (or set CHART_FONT=system).',
      { cause: error },
    );
  }
  const files = BUNDLED_FONT_FILES.map((file) => path.join(folder, file));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new ChartFontError(
      `Chart font files are missing (${missing.join(', ')}): run \`npm ci\` to reinstall them.`,
    );
  }
  return { family: BUNDLED_FONT_FAMILY, files };
}

/** The distribution's Noto Sans CJK. Throws ChartFontError naming the package to install when absent. */
export function systemChartFont(candidates: readonly string[] = KNOWN_CJK_FONT_FILES): ChartFont {
  return { family: CJK_FONT_FAMILY, files: findCjkFontFiles(candidates) };
}

/** Asks fontconfig for a Noto Sans CJK file; returns undefined when fc-list is absent or finds none. */
function fontconfigCandidates(): string[] {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8', timeout: 5000 });
    return out
      .split('\n')
      .map((line) => line.replace(/:\s*$/, '').trim())
      .filter((file) => /NotoSansCJK|NotoSans-?CJK/i.test(file));
  } catch {
    return [];
  }
}

let cached: string[] | undefined;

/**
 * Returns the system's Noto Sans CJK font files (regular first, bold when present).
 * Throws ChartFontError naming the package to install when none exists.
 */
export function findCjkFontFiles(candidates: readonly string[] = KNOWN_CJK_FONT_FILES): string[] {
  if (cached && candidates === KNOWN_CJK_FONT_FILES) return cached;
  let found = candidates.filter((file) => existsSync(file));
  if (found.length === 0 && candidates === KNOWN_CJK_FONT_FILES) found = fontconfigCandidates();
  if (found.length === 0) {
    throw new ChartFontError(
      'No Chinese (CJK) font found for chart PNGs; the text would render as empty boxes. ' +
        'Install Noto Sans CJK: `apt-get install fonts-noto-cjk` (Debian/Ubuntu), ' +
        '`dnf install google-noto-sans-cjk-fonts` (Fedora) or `apk add font-noto-cjk` (Alpine), ' +
        'or unset CHART_FONT to use the font installed with npm. ' +
        `Looked in: ${candidates.join(', ')} and fontconfig (fc-list :lang=zh).`,
    );
  }
  if (candidates === KNOWN_CJK_FONT_FILES) cached = found;
  return found;
}

let chosen: ChartFont | undefined;

/**
 * Sets the font every chart PNG is drawn with (main.ts, from CHART_FONT, once at start).
 * Throws ChartFontError when the chosen font is not installed.
 */
export function useChartFont(choice: ChartFontChoice): ChartFont {
  chosen = choice === 'system' ? systemChartFont() : bundledChartFont();
  return chosen;
}

/** The font charts are drawn with: the one set by useChartFont, else the bundled Noto Sans SC. */
export function chartFont(): ChartFont {
  chosen ??= bundledChartFont();
  return chosen;
}
