import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Chunk, SourceDocument } from '../../src/knowledge/types.js';

/**
 * Test chunks of the seed document, made without the knowledge pipeline so retrieval tests do not
 * depend on the splitter: headings (一、 / （一）) open sections, every other line is cut after each
 * 。 into sentences, and short neighbours are joined up to ~120 characters.
 */
export const SEED_DOC_ID = '2022-work-summary.txt';

const seedPath = fileURLToPath(new URL('../../knowledge/2022-work-summary.txt', import.meta.url));

export function loadSeedText(): string {
  return readFileSync(seedPath, 'utf8');
}

export function seedDocument(text = loadSeedText()): SourceDocument {
  return {
    id: SEED_DOC_ID,
    title: '2022年度领导班子工作总结',
    kind: 'report',
    year: 2022,
    text,
    hash: 'seed',
  };
}

const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^（[一二三四五六七八九十]+）[^。]{0,30}$/;

export function seedChunks(text = loadSeedText(), docId = SEED_DOC_ID): Chunk[] {
  const chunks: Chunk[] = [];
  let path: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (LEVEL1.test(line)) {
      path = [line];
      continue;
    }
    if (LEVEL2.test(line)) {
      path = [path[0] ?? '', line].filter(Boolean);
      continue;
    }
    for (const piece of joinShort(line.match(/[^。]+。?/g) ?? [])) {
      const order = chunks.length;
      const sectionId = `${docId}#s${path.join('/')}`;
      chunks.push({ id: `${docId}#${order}`, docId, sectionId, sectionPath: [...path], text: piece, order });
    }
  }
  return chunks;
}

function joinShort(sentences: string[]): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + sentence.length > 120) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
