// `npm run eval [-- file.json ...] [--compare] [--sweep]`: runs evaluation sets through FaqResponder in-process
// (botbuilder TestAdapter) and grades the rendered replies the way ../shared/eval/faq-dev.json's "about" says:
// an in-scope reply is correct when every pattern of its group matches the text a person reads (message text,
// card text, button titles, over all replies of the turn); an out-of-scope reply is correct when the bot replies
// and states none of the distinctive facts. Exits 1 under the floors (95 % / 95 %) on any set.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Activity, TestAdapter } from 'botbuilder';
import { Keyv } from 'keyv';
import pino from 'pino';
import { FaqResponder, type FaqOutcome, type FaqTurnState } from '../dialogs/faqResponder';
import { createFaqEngine, type FaqEngine, type FaqEngineOptions } from '../src/faq/engine';
import { defaultKnowledgeDir, loadKnowledge, type KnowledgeBase } from '../src/faq/knowledge';
import { FeedbackLog } from '../src/faq/feedbackLog';
import { createTextProcessor } from '../src/faq/text';
import type { Links } from '../src/config';
import { renderActivities } from '../src/channels/console/render';

export const FLOORS = { inScope: 0.95, outOfScope: 0.95 };

export interface EvalSet {
  name: string;
  groups: Record<string, RegExp[]>;
  distinctive: RegExp[];
  inScope: [string, string][];
  outOfScope: string[];
}

export function loadEvalSet(file: string): EvalSet {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    groups: Record<string, string[]>;
    distinctive: string[];
    inScope: [string, string][];
    outOfScope: string[];
  };
  const groups = Object.fromEntries(Object.entries(raw.groups).map(([g, ps]) => [g, ps.map((p) => new RegExp(p, 'i'))]));
  for (const [q, g] of raw.inScope) if (!groups[g]) throw new Error(`${file}: question "${q}" names unknown group "${g}"`);
  return { name: path.basename(file), groups, distinctive: raw.distinctive.map((p) => new RegExp(p, 'i')), inScope: raw.inScope, outOfScope: raw.outOfScope };
}

/** The text a person would read: message text, card text (hero and Adaptive) and every button title. */
export function readableText(activities: Partial<Activity>[]): string {
  const rendered = renderActivities(activities);
  return [...rendered.lines, ...rendered.choices.map((c) => c.title)].join('\n');
}

export interface TurnResult {
  outcome: FaqOutcome;
  replies: Partial<Activity>[];
}

/** One question in a fresh conversation, through the real responder and botbuilder's TestAdapter. */
export async function runTurn(responder: FaqResponder, text: string, state: FaqTurnState = { misses: 0 }): Promise<TurnResult> {
  const replies: Partial<Activity>[] = [];
  let outcome: FaqOutcome | undefined;
  const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_ctx, activities, next) => {
      replies.push(...activities);
      return next();
    });
    outcome = await responder.respond(context, context.activity.text ?? '', state);
  });
  await adapter.send(text);
  return { outcome: outcome!, replies };
}

export interface EvalReport {
  name: string;
  inScopeCorrect: number;
  inScopeTotal: number;
  outOfScopeDeclined: number;
  outOfScopeTotal: number;
  perGroup: Record<string, { correct: number; total: number }>;
  confusions: { question: string; expected: string; outcome: string; entryId?: string; candidates: string }[];
  leaks: { question: string; outcome: string; entryId?: string; leaked: string[] }[];
}

const quietLogger = pino({ level: 'silent' });

export function createResponder(engine: FaqEngine, links: Links = {}): FaqResponder {
  return new FaqResponder({ engine, links, feedback: new FeedbackLog(new Keyv(), 1), logger: quietLogger });
}

/** An action outcome is routed by the main dialog; grade what the trainer would then see as "routed". */
const routedText = (o: FaqOutcome): Partial<Activity>[] => (o.outcome === 'action' ? [{ text: `[routed: ${o.action}]` }] : []);

export async function evaluate(engine: FaqEngine, set: EvalSet, links: Links = {}): Promise<EvalReport> {
  const responder = createResponder(engine, links);
  const report: EvalReport = { name: set.name, inScopeCorrect: 0, inScopeTotal: set.inScope.length, outOfScopeDeclined: 0, outOfScopeTotal: set.outOfScope.length, perGroup: {}, confusions: [], leaks: [] };
  for (const [question, group] of set.inScope) {
    const { outcome, replies } = await runTurn(responder, question);
    const text = readableText([...replies, ...routedText(outcome)]);
    const ok = set.groups[group].every((p) => p.test(text));
    const g = (report.perGroup[group] ??= { correct: 0, total: 0 });
    g.total++;
    if (ok) {
      g.correct++;
      report.inScopeCorrect++;
    } else {
      const r = engine.classify(question);
      report.confusions.push({ question, expected: group, outcome: outcome.action ?? outcome.outcome, entryId: outcome.entryId, candidates: r.candidates.map((c) => `${c.id}:${c.score}`).join(' ') });
    }
  }
  for (const question of set.outOfScope) {
    const { outcome, replies } = await runTurn(responder, question);
    const all = [...replies, ...routedText(outcome)];
    const text = readableText(all);
    const leaked = set.distinctive.filter((p) => p.test(text)).map((p) => p.source);
    if (all.length > 0 && leaked.length === 0) report.outOfScopeDeclined++;
    else report.leaks.push({ question, outcome: outcome.action ?? outcome.outcome, entryId: outcome.entryId, leaked });
  }
  return report;
}

export const rate = (n: number, d: number): number => (d === 0 ? 1 : n / d);
const pct = (n: number, d: number): string => `${(100 * rate(n, d)).toFixed(1)} %`;
export const meetsFloors = (r: EvalReport): boolean =>
  rate(r.inScopeCorrect, r.inScopeTotal) >= FLOORS.inScope && rate(r.outOfScopeDeclined, r.outOfScopeTotal) >= FLOORS.outOfScope;

// FAQ sets only: test/eval also holds the path dialog's conversations (paths-*.json, scripts/evalPaths.ts).
export function defaultEvalFiles(repoRoot: string): string[] {
  const dir = path.join(repoRoot, 'test', 'eval');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('faq-') && f.endsWith('.json')).sort().map((f) => path.join(dir, f)) : [];
}

function printReport(r: EvalReport): void {
  console.log(`\n== ${r.name}`);
  console.log(`in-scope correct:      ${r.inScopeCorrect}/${r.inScopeTotal} (${pct(r.inScopeCorrect, r.inScopeTotal)})`);
  console.log(`out-of-scope declined: ${r.outOfScopeDeclined}/${r.outOfScopeTotal} (${pct(r.outOfScopeDeclined, r.outOfScopeTotal)})`);
  for (const [g, { correct, total }] of Object.entries(r.perGroup)) console.log(`  ${g.padEnd(16)} ${correct}/${total}`);
  for (const c of r.confusions) console.log(`  MISS [${c.expected}] "${c.question}" → ${c.outcome}${c.entryId ? ` (${c.entryId})` : ''}  candidates: ${c.candidates}`);
  for (const l of r.leaks) console.log(`  LEAK "${l.question}" → ${l.outcome}${l.entryId ? ` (${l.entryId})` : ''} ${l.leaked.join(', ')}`);
}

async function sweep(kb: KnowledgeBase, sets: EvalSet[]): Promise<void> {
  console.log('\n== threshold sweep (in-scope correct / out-of-scope declined, pooled over all sets)');
  for (const middle of [0.2, 0.25, 0.3, 0.35]) {
    const cells: string[] = [];
    for (const high of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      if (high < middle) continue;
      const engine = createFaqEngine(kb, { high, middle });
      let inOk = 0, inN = 0, outOk = 0, outN = 0;
      for (const set of sets) {
        const r = await evaluate(engine, set);
        inOk += r.inScopeCorrect; inN += r.inScopeTotal; outOk += r.outOfScopeDeclined; outN += r.outOfScopeTotal;
      }
      cells.push(`high ${high.toFixed(2)}: ${pct(inOk, inN)} / ${pct(outOk, outN)}`);
    }
    console.log(`middle ${middle.toFixed(2)} | ${cells.join(' | ')}`);
  }
}

/** The intent-classifier alternative (@nlpjs/nlp, a devDependency): same KB, same vocabulary, same responder. */
async function nlpjsEngine(kb: KnowledgeBase, questions: string[], thresholds: Required<FaqEngineOptions>): Promise<FaqEngine> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Nlp } = require('@nlpjs/nlp') as { Nlp: new (o: object) => { addDocument(l: string, u: string, i: string): void; train(): Promise<void>; process(l: string, u: string): Promise<{ classifications: { intent: string; score: number }[] }> } };

  const text = createTextProcessor(kb.vocabulary);
  const prep = (s: string) => text.terms(s).join(' ') || s;
  const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false }, log: false });
  for (const e of kb.entries) for (const u of [e.question, ...e.alternates]) nlp.addDocument('en', prep(u), e.id);
  await nlp.train();
  const cache = new Map<string, { intent: string; score: number }[]>();
  for (const q of questions) cache.set(q, (await nlp.process('en', prep(q))).classifications);
  return {
    thresholds,
    entry: (id) => kb.byId.get(id),
    classify: (q) => {
      const cls = (cache.get(q) ?? []).filter((c) => kb.byId.has(c.intent));
      const top = cls[0] && kb.byId.get(cls[0].intent);
      const candidates = cls.filter((c) => kb.byId.get(c.intent)!.kind !== 'decline').slice(0, 3).map((c) => ({ id: c.intent, question: kb.byId.get(c.intent)!.question, score: c.score }));
      const score = cls[0]?.score ?? 0;
      const band = score >= thresholds.high ? 'high' : score >= thresholds.middle ? 'middle' : 'low';
      if (!top || band === 'low' || top.kind === 'decline') return { band: 'low', candidates };
      return { band, top, candidates };
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const repoRoot = path.dirname(defaultKnowledgeDir());
  const files = [...defaultEvalFiles(repoRoot), ...args.filter((a) => !a.startsWith('--')).map((f) => path.resolve(f))];
  const sets = files.map(loadEvalSet);
  const kb = loadKnowledge();
  const engine = createFaqEngine(kb);
  console.log(`FAQ evaluation: ${kb.entries.length} entries, thresholds high ${engine.thresholds.high} / middle ${engine.thresholds.middle}`);
  let ok = true;
  const t0 = process.hrtime.bigint();
  let turns = 0;
  for (const set of sets) {
    const report = await evaluate(engine, set);
    turns += report.inScopeTotal + report.outOfScopeTotal;
    printReport(report);
    if (!meetsFloors(report)) ok = false;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`\n${turns} turns in ${ms.toFixed(0)} ms (${(ms / Math.max(1, turns)).toFixed(2)} ms per rendered turn)`);
  if (args.includes('--sweep')) await sweep(kb, sets);
  if (args.includes('--compare')) {
    console.log('\n== @nlpjs/nlp intent classifier (same knowledge, vocabulary and responder)');
    for (const set of sets) {
      for (const t of [{ high: 0.5, middle: 0.3 }, { high: 0.7, middle: 0.5 }, { high: 0.9, middle: 0.6 }]) {
        const nlpEngine = await nlpjsEngine(kb, [...set.inScope.map(([q]) => q), ...set.outOfScope], t);
        const r = await evaluate(nlpEngine, set);
        console.log(`${set.name} (high ${t.high}, middle ${t.middle}): in-scope ${pct(r.inScopeCorrect, r.inScopeTotal)}, out-of-scope declined ${pct(r.outOfScopeDeclined, r.outOfScopeTotal)}`);
      }
    }
  }
  console.log(ok ? '\nFloors met (≥ 95 % in-scope correct, ≥ 95 % out-of-scope declined).' : '\nBELOW FLOORS.');
  process.exitCode = ok ? 0 : 1;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
}
