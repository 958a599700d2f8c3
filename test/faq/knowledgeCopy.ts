// A copy of the repo's knowledge/ with one file's text changed, and the KnowledgeError loading it raises: how the
// tests check that a broken knowledge base is refused at start-up, naming the file, entry and field.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge } from '../../src/faq/knowledge';

export function editedKnowledgeCopy(file: string, edit: (text: string) => string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'kb-')), 'knowledge');
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

/** The message of the KnowledgeError loading `dir` throws (the test fails if it loads, or throws something else). */
export function knowledgeErrorOf(dir: string): string {
  let error: unknown;
  try {
    loadKnowledge(dir);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(KnowledgeError);
  return (error as Error).message;
}
