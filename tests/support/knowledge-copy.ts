import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { ROOT } from './run-cli.js';

export const KNOWLEDGE = path.join(ROOT, 'knowledge');

export interface KnowledgeCopy {
  /** A fresh temp dir for the test, holding `knowledgeDir`. */
  readonly temp: string;
  /** The copy of knowledge/ the test may damage. */
  readonly knowledgeDir: string;
  /** Replaces `from` (which must occur) in a knowledge file of the copy. */
  damage(file: string, from: string, to: string): Promise<void>;
  /** A Word file that is no zip archive and a PDF without a cross-reference table. */
  addGarbageDocuments(): Promise<void>;
}

/** Each test gets a temp copy of the real knowledge/ folder (never the real one), removed after it. */
export function useKnowledgeCopy(): KnowledgeCopy {
  let temp = '';
  let knowledgeDir = '';
  beforeEach(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'broken-knowledge-'));
    knowledgeDir = path.join(temp, 'knowledge');
    await cp(KNOWLEDGE, knowledgeDir, { recursive: true });
  });
  afterEach(async () => {
    await rm(temp, { recursive: true, force: true });
  });
  return {
    get temp() {
      return temp;
    },
    get knowledgeDir() {
      return knowledgeDir;
    },
    async damage(file, from, to) {
      const target = path.join(knowledgeDir, file);
      const text = await readFile(target, 'utf8');
      expect(text, `${file} should contain ${from}`).toContain(from);
      await writeFile(target, text.replace(from, to));
    },
    async addGarbageDocuments() {
      await writeFile(path.join(knowledgeDir, 'broken.docx'), 'this is not a zip archive');
      await mkdir(path.join(knowledgeDir, 'uploads'), { recursive: true });
      await writeFile(path.join(knowledgeDir, 'uploads', 'garbage.pdf'), '%PDF-1.7\n garbage, no xref\n');
    },
  };
}
