// The knowledge base: reviewed YAML under knowledge/, validated with zod at start-up.
// A broken entry throws KnowledgeError naming the file, the entry id and the field, so an editor can fix it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { earnedViaSchema, type EarnedVia } from '../recert/assessment';

export const linkKeys = ['PORTAL_URL', 'UPLOAD_URL', 'GUIDE_URL'] as const;
export const actions = ['path', 'handoff', 'forget', 'help', 'restart', 'cancel'] as const;
export type FaqAction = (typeof actions)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'expected a lower_snake_case id');
const text = z.string().trim().min(1, 'must not be empty');

export const entrySchema = z
  .object({
    id,
    // 'decline' entries name known out-of-scope topics (fee amounts, passwords...) so they are declined plainly.
    kind: z.enum(['faq', 'smalltalk', 'action', 'decline']),
    action: z.enum(actions).optional(),
    question: text.max(60, 'keep the question short: it is also a button title'),
    alternates: z.array(text).default([]),
    answer: text.optional(),
    section: text.optional(),
    related: z.array(id).max(3, 'at most 3 related entries').default([]),
    links: z.array(z.enum(linkKeys)).default([]),
    facts: z.array(id).optional(),
    // Question-type markers (vocabulary.yaml `markers`) this entry's answer really answers ("is there a fee" yes,
    // "how much is the fee" no). A faq entry is never answered to a question carrying a marker it doesn't list;
    // a decline entry lists the marked question types it is the topic for.
    answers: z.array(id).default([]),
    // Decline entries only: faq entries next to the declined topic whose answer the article does give ("how much
    // does it cost?" → the fee is waived on the exam route), offered as buttons after the honest decline.
    seeAlso: z.array(id).max(2, 'at most 2 see-also entries').default([]),
    // Faq entries only: a line sending the trainer to the route check ("choose Check my recertification status"),
    // left out when a check is already running (answers given inside the path dialog).
    pathHint: text.optional(),
    // Faq entries only: the entry that answers instead when the trainer's own exam is known to be this one
    // ({ testing-center-exam: cec_route_after_testing_center } on the exam-route entries: the exam route is only
    // for trainers who passed the online exam, so a testing-center trainer gets the CEC route instead).
    byExam: z.partialRecord(earnedViaSchema, id).optional(),
    // false: reached only through another entry's byExam, never ranked on its own words (a tailored answer
    // must not be given to a trainer whose exam is unknown).
    indexed: z.boolean().default(true),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.kind === 'action' && !e.action) ctx.addIssue({ code: 'custom', path: ['action'], message: 'required for kind action' });
    if (e.kind !== 'action' && e.action) ctx.addIssue({ code: 'custom', path: ['action'], message: 'only for kind action' });
    if (e.kind !== 'action' && !e.answer) ctx.addIssue({ code: 'custom', path: ['answer'], message: `required for kind ${e.kind}` });
    if (e.kind === 'faq' && !e.section) ctx.addIssue({ code: 'custom', path: ['section'], message: 'required for kind faq' });
    if (e.kind !== 'decline' && e.seeAlso.length > 0) ctx.addIssue({ code: 'custom', path: ['seeAlso'], message: 'only for kind decline' });
    if (e.kind !== 'faq' && e.pathHint) ctx.addIssue({ code: 'custom', path: ['pathHint'], message: 'only for kind faq' });
    if (e.kind !== 'faq' && e.byExam) ctx.addIssue({ code: 'custom', path: ['byExam'], message: 'only for kind faq' });
    if (e.kind !== 'faq' && !e.indexed) ctx.addIssue({ code: 'custom', path: ['indexed'], message: 'only for kind faq' });
  });

export type KnowledgeEntry = z.infer<typeof entrySchema>;

const factSchema = z.object({ id, section: text, statement: text, pattern: text }).strict();
export type ArticleFact = z.infer<typeof factSchema>;
const articleSchema = z.object({ sections: z.array(text).min(1), facts: z.array(factSchema).min(1) }).strict();

const synonymSchema = z
  .object({ pattern: text, replace: z.string(), when: text.optional(), note: z.string().optional() })
  .strict();
export type Synonym = z.infer<typeof synonymSchema>;
// A question type ("how much", "where … in Texas", "file too large") the article answers for few or no entries.
// pattern/unless are case-insensitive regexes tried on the question as written and after the vocabulary.
const markerSchema = z.object({ id, pattern: text, unless: text.optional(), note: z.string().optional() }).strict();
export type QuestionMarker = z.infer<typeof markerSchema>;
const vocabularySchema = z
  .object({
    synonyms: z.array(synonymSchema).default([]),
    stopwords: z.array(text).default([]),
    weakWords: z.array(text).default([]),
    markers: z.array(markerSchema).default([]),
  })
  .strict();
export type Vocabulary = z.infer<typeof vocabularySchema>;

export interface KnowledgeBase {
  entries: KnowledgeEntry[];
  byId: Map<string, KnowledgeEntry>;
  sections: string[];
  facts: ArticleFact[];
  vocabulary: Vocabulary;
  /** file each entry came from, for error messages and kb:check */
  sourceOf: Map<string, string>;
}

export class KnowledgeError extends Error {
  constructor(readonly file: string, readonly entryId: string | undefined, readonly field: string, detail: string) {
    super(`Knowledge base: ${file}${entryId ? ` entry "${entryId}"` : ''} field "${field}": ${detail}`);
    this.name = 'KnowledgeError';
  }
}

/** The repo's knowledge/ folder: walk up from this file to the folder holding package.json (works from dist/ too). */
export function defaultKnowledgeDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'knowledge');
    const parent = path.dirname(dir);
    if (parent === dir) throw new KnowledgeError(start, undefined, 'dir', 'no package.json above this folder');
    dir = parent;
  }
}

const readYaml = (file: string, base: string): unknown => {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new KnowledgeError(path.relative(base, file), undefined, '(file)', (err as Error).message.split('\n')[0]);
  }
};

const fieldOf = (issuePath: PropertyKey[]): string => issuePath.map(String).join('.') || '(entry)';

function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string, entryId?: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new KnowledgeError(file, entryId, fieldOf(issue.path), issue.message);
}

export function loadKnowledge(dir: string = defaultKnowledgeDir()): KnowledgeBase {
  const base = path.dirname(dir);
  const rel = (f: string) => path.relative(base, f);
  const articleFile = path.join(dir, 'article-facts.yaml');
  const vocabularyFile = path.join(dir, 'vocabulary.yaml');
  const article = parseOrThrow(articleSchema, readYaml(articleFile, base), rel(articleFile));
  const vocabulary = parseOrThrow(vocabularySchema, readYaml(vocabularyFile, base), rel(vocabularyFile));
  // Every pattern must compile; a bad one is named by its place in the file.
  const checkRegex = (source: string | undefined, field: string): void => {
    if (source === undefined) return;
    try {
      new RegExp(source, 'i');
    } catch (err) {
      throw new KnowledgeError(rel(vocabularyFile), undefined, field, (err as Error).message);
    }
  };
  vocabulary.synonyms.forEach((s, i) => {
    checkRegex(s.pattern, `synonyms.${i}.pattern`);
    checkRegex(s.when, `synonyms.${i}.when`);
  });

  const markerIds = new Set<string>();
  vocabulary.markers.forEach((m, i) => {
    if (markerIds.has(m.id)) throw new KnowledgeError(rel(vocabularyFile), undefined, `markers.${i}.id`, `duplicate marker "${m.id}"`);
    markerIds.add(m.id);
    checkRegex(m.pattern, `markers.${i}.pattern`);
    checkRegex(m.unless, `markers.${i}.unless`);
  });

  const entriesDir = path.join(dir, 'entries');
  const files = readdirSync(entriesDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const entries: KnowledgeEntry[] = [];
  const sourceOf = new Map<string, string>();
  for (const name of files) {
    const file = rel(path.join(entriesDir, name));
    const doc = readYaml(path.join(entriesDir, name), base) as { entries?: unknown } | null;
    if (!doc || !Array.isArray(doc.entries)) throw new KnowledgeError(file, undefined, 'entries', 'expected a list of entries');
    for (const raw of doc.entries) {
      const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
      const entry = parseOrThrow(entrySchema, raw, file, rawId);
      if (sourceOf.has(entry.id)) throw new KnowledgeError(file, entry.id, 'id', `duplicate (also in ${sourceOf.get(entry.id)})`);
      sourceOf.set(entry.id, file);
      entries.push(entry);
    }
  }

  const byId = new Map(entries.map((e) => [e.id, e]));
  const factIds = new Set(article.facts.map((f) => f.id));
  for (const fact of article.facts) {
    if (!article.sections.includes(fact.section))
      throw new KnowledgeError(rel(articleFile), fact.id, 'section', `unknown section "${fact.section}"`);
  }
  for (const e of entries) {
    const file = sourceOf.get(e.id)!;
    e.related.forEach((r, i) => {
      if (!byId.has(r)) throw new KnowledgeError(file, e.id, `related.${i}`, `unknown entry id "${r}"`);
      if (r === e.id) throw new KnowledgeError(file, e.id, `related.${i}`, 'an entry cannot be related to itself');
    });
    // A see-also is an answer the article gives: never another decline, an action or smalltalk.
    e.seeAlso.forEach((r, i) => {
      const target = byId.get(r);
      if (!target) throw new KnowledgeError(file, e.id, `seeAlso.${i}`, `unknown entry id "${r}"`);
      if (target.kind !== 'faq') throw new KnowledgeError(file, e.id, `seeAlso.${i}`, `"${r}" is a ${target.kind} entry, expected a faq entry`);
      if (e.seeAlso.indexOf(r) !== i) throw new KnowledgeError(file, e.id, `seeAlso.${i}`, `"${r}" is listed twice`);
    });
    e.facts?.forEach((f, i) => {
      if (!factIds.has(f)) throw new KnowledgeError(file, e.id, `facts.${i}`, `unknown fact id "${f}"`);
    });
    e.answers.forEach((m, i) => {
      if (!markerIds.has(m))
        throw new KnowledgeError(file, e.id, `answers.${i}`, `unknown question-type marker "${m}" (markers are listed in vocabulary.yaml)`);
    });
    if (e.answers.length > 0 && e.kind !== 'faq' && e.kind !== 'decline')
      throw new KnowledgeError(file, e.id, 'answers', `only faq and decline entries declare markers, not kind ${e.kind}`);
    for (const [exam, target] of Object.entries(e.byExam ?? {})) {
      const instead = byId.get(target);
      if (!instead) throw new KnowledgeError(file, e.id, `byExam.${exam}`, `unknown entry id "${target}"`);
      if (instead.kind !== 'faq') throw new KnowledgeError(file, e.id, `byExam.${exam}`, `"${target}" is a ${instead.kind} entry, expected a faq entry`);
      // One hop only: the entry answering for an exam must not send that exam elsewhere again.
      if (instead.byExam?.[exam as EarnedVia]) throw new KnowledgeError(file, e.id, `byExam.${exam}`, `"${target}" redirects ${exam} again`);
    }
    if (e.section && !article.sections.includes(e.section))
      throw new KnowledgeError(file, e.id, 'section', `not a section of the article: "${e.section}"`);
  }
  // An unranked entry nobody redirects to could never be answered.
  const redirected = new Set(entries.flatMap((e) => Object.values(e.byExam ?? {})));
  for (const e of entries) {
    if (!e.indexed && !redirected.has(e.id)) throw new KnowledgeError(sourceOf.get(e.id)!, e.id, 'indexed', 'false, but no entry names it in byExam');
  }
  const handoff = entries.filter((e) => e.action === 'handoff');
  if (handoff.length !== 1) throw new KnowledgeError(rel(entriesDir), undefined, 'action', 'expected exactly one handoff entry');
  return { entries, byId, sections: article.sections, facts: article.facts, vocabulary, sourceOf };
}

/** The entry to answer for a trainer whose own exam is `exam` (the entry itself when it has no byExam for it). */
export function entryForExam(entry: KnowledgeEntry, exam: EarnedVia | undefined, byId: (id: string) => KnowledgeEntry | undefined): KnowledgeEntry {
  const instead = exam ? entry.byExam?.[exam] : undefined;
  return (instead && byId(instead)) || entry;
}
