/** Types of source-label.js (plain JS so the browser loads it unbuilt; see there). */
export interface LabelledCitation {
  title: string;
  section: string;
}
export function lawShortName(title: string): string;
export function sourceLabel(citation: LabelledCitation, language: 'zh' | 'en'): string;
