// `npm run eval:paths [-- file.json ...] [--quiet]`: drives path-dialog conversations through the real bot over
// /api/messages with deliveryMode "expectReplies" (channel webchat, a fresh conversation and user per
// conversation), the way the held-out grading does, and grades channelData.assessment and the text.
// A conversation passes when: its expected assessment fields all match the assessment carried by the LAST
// turn's replies (or no reply of the conversation carries one, for noAssessment), textMatches match the last
// turn's readable text and transcriptMatches match the text of every bot reply. Exits 1 under PATH_FLOOR.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { buildApp, type App } from '../src/app';
import { repoRoot } from '../src/paths';
import { readableText } from './eval';

/** Share of conversations that must pass (set from measured results, not aspiration). */
export const PATH_FLOOR = 0.95;

export interface PathConversation {
  name: string;
  /** The clock for this conversation: an ISO instant, or a date (read as noon UTC). Default: the real clock. */
  today?: string;
  locale?: string;
  localTimezone?: string;
  turns: string[];
  expect: Record<string, unknown> & { noAssessment?: boolean; textMatches?: string[] };
  textMatches?: string[];
  transcriptMatches?: string[];
}

export interface PathResult {
  name: string;
  ok: boolean;
  problems: string[];
  transcript: string[];
}

export const defaultPathFile = path.join(repoRoot, 'test', 'eval', 'paths-blind.json');

export function loadPathSet(file = defaultPathFile): PathConversation[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { conversations: PathConversation[] };
  for (const c of raw.conversations) {
    if (!c.name || !Array.isArray(c.turns) || c.turns.length === 0 || typeof c.expect !== 'object') {
      throw new Error(`${file}: conversation "${c.name ?? '?'}" needs name, turns and expect`);
    }
  }
  return raw.conversations;
}

const assessmentOf = (a: Partial<Activity>): Record<string, unknown> | undefined =>
  (a.channelData as { assessment?: Record<string, unknown> } | undefined)?.assessment;

const instant = (today: string): Date => new Date(/^\d{4}-\d{2}-\d{2}$/.test(today) ? `${today}T12:00:00Z` : today);

async function post(url: string, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { activities?: Partial<Activity>[] }).activities ?? [];
}

/** Runs one conversation; setClock sets what the app's clock returns while it runs. */
export async function runConversation(url: string, c: PathConversation, setClock: (d: Date | undefined) => void): Promise<PathResult> {
  const id = `paths-${randomUUID()}`;
  const problems: string[] = [];
  const transcript: string[] = [];
  const allText: string[] = [];
  let last: Partial<Activity>[] = [];
  let earlier: Record<string, unknown> | undefined;
  setClock(c.today ? instant(c.today) : undefined);
  try {
    for (const text of c.turns) {
      earlier = last.map(assessmentOf).find(Boolean) ?? earlier; // any assessment before this turn
      const timestamp = c.today ? instant(c.today) : new Date();
      last = await post(url, {
        type: 'message', id: randomUUID(), text, channelId: 'webchat', deliveryMode: 'expectReplies',
        locale: c.locale ?? 'en-US', localTimezone: c.localTimezone, timestamp, serviceUrl: 'http://127.0.0.1:1',
        from: { id: `user-${id}`, name: 'Trainer' }, recipient: { id: 'bot', name: 'ACTION assistant' },
        conversation: { id } as Activity['conversation'],
      } as Partial<Activity>);
      const said = readableText(last);
      allText.push(said);
      transcript.push(`  > ${text}`, ...said.split('\n').map((l) => `    ${l}`));
      const a = last.map(assessmentOf).find(Boolean);
      if (a) transcript.push(`    [assessment ${JSON.stringify(a)}]`);
    }
  } catch (error) {
    problems.push(`error: ${(error as Error).message}`);
  } finally {
    setClock(undefined);
  }

  const { noAssessment, textMatches: innerMatches, ...expected } = c.expect;
  const final = last.map(assessmentOf).find(Boolean);
  if (noAssessment) {
    if (final || earlier) problems.push('an assessment was sent, none expected');
  } else if (!final) {
    problems.push(earlier ? 'the assessment came before the last turn' : 'no assessment with the last turn');
  } else {
    for (const [key, want] of Object.entries(expected)) {
      if (JSON.stringify(final[key]) !== JSON.stringify(want)) problems.push(`${key}: got ${JSON.stringify(final[key])}, expected ${JSON.stringify(want)}`);
    }
  }
  const lastText = allText[allText.length - 1] ?? '';
  for (const p of [...(innerMatches ?? []), ...(c.textMatches ?? [])]) {
    if (!new RegExp(p, 'i').test(lastText)) problems.push(`last turn's text does not match /${p}/i`);
  }
  for (const p of c.transcriptMatches ?? []) {
    if (!new RegExp(p, 'i').test(allText.join('\n'))) problems.push(`no reply matches /${p}/i`);
  }
  return { name: c.name, ok: problems.length === 0, problems, transcript };
}

export interface PathEvalReport {
  passed: number;
  total: number;
  results: PathResult[];
}

/** Starts the app in-process (memory store, silent logs, a settable clock), runs every conversation, closes. */
export async function evaluatePaths(conversations: PathConversation[], env: NodeJS.ProcessEnv = process.env): Promise<PathEvalReport> {
  let fixed: Date | undefined;
  const config = loadConfig({ ...env, STORAGE: 'memory', LOG_LEVEL: 'silent', TURNS_PER_MINUTE_PER_CONVERSATION: '0' });
  const app: App = await buildApp(config, pino({ level: 'silent' }), { now: () => (fixed ? new Date(fixed) : new Date()) });
  try {
    const url = await app.listen(0, '127.0.0.1');
    const results: PathResult[] = [];
    for (const c of conversations) results.push(await runConversation(url, c, (d) => (fixed = d)));
    return { passed: results.filter((r) => r.ok).length, total: results.length, results };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const files = args.filter((a) => !a.startsWith('--'));
  let ok = true;
  for (const file of files.length ? files.map((f) => path.resolve(f)) : [defaultPathFile]) {
    const report = await evaluatePaths(loadPathSet(file));
    for (const r of report.results.filter((x) => !x.ok)) {
      console.log(`\n✗ ${r.name}\n  ${r.problems.join('\n  ')}`);
      if (!quiet) console.log(r.transcript.join('\n'));
    }
    const share = report.total ? report.passed / report.total : 1;
    console.log(`\n== ${path.basename(file)}: ${report.passed}/${report.total} conversations pass (${(100 * share).toFixed(1)} %), floor ${PATH_FLOOR * 100} %`);
    ok &&= share >= PATH_FLOOR;
  }
  process.exit(ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
