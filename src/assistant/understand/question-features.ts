/**
 * The features the trained readings (who asks, which law article a question is about) read a
 * question by: its Chinese characters and character pairs, its English words, and whether it holds
 * a number. No segmenter: pairs catch words and their variants and typos alike.
 */
export function questionFeatures(question: string): string[] {
  const text = question.toLowerCase();
  const features = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) {
      features.add(run[i]!);
      if (i + 1 < run.length) features.add(run.slice(i, i + 2));
    }
  }
  for (const word of text.match(/[a-z]+/g) ?? []) features.add(`w:${word}`);
  if (/\d/.test(text)) features.add('<num>');
  return [...features];
}
