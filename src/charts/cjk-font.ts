import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { AppError } from '../errors.js';

/** No font with Chinese glyphs was found, so a PNG would show empty boxes ("tofu") instead of text. */
export class ChartFontError extends AppError {}

/** The family name used in chart SVGs; Noto Sans CJK's collection file also holds JP/KR/TC faces. */
export const CJK_FONT_FAMILY = 'Noto Sans CJK SC';

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
 * Returns the Noto Sans CJK font files to give resvg (regular first, bold when present).
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
        '`dnf install google-noto-sans-cjk-fonts` (Fedora) or `apk add font-noto-cjk` (Alpine). ' +
        `Looked in: ${candidates.join(', ')} and fontconfig (fc-list :lang=zh).`,
    );
  }
  if (candidates === KNOWN_CJK_FONT_FILES) cached = found;
  return found;
}
