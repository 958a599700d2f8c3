// npm run bench: the bot (memory store, then the on-disk default in a temp dir) against a bare echo bot on the
// same restify + CloudAdapter stack, at 1, 8 and 32 concurrent conversations, on loopback only. Prints turns/s,
// p50 / p99 latency and RSS with each figure's ratio to the echo bot, cold start to healthy, and RSS after
// 10,000 distinct conversations. Flags: --duration <ms per level> --conversations <n> --profile --json <file>
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distinctConversations, hugeDateAnswerMs, percentile, runLoad, type TurnKind, type TurnSample } from './bench/driver';
import { coldStartMs, cpuMs, rssMb, startTarget, stopTarget } from './bench/process';
import { topSelfTime } from './bench/profile';

const LEVELS = [1, 8, 32];
const GOAL = { concurrency: 32, minRatio: 0.7, maxP99Ms: 15 };

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? '') : undefined;
}
const durationMs = Number(flag('duration') ?? 4000);
const conversations = Number(flag('conversations') ?? 10_000);
const profile = flag('profile') !== undefined;

interface Row {
  target: string;
  concurrency: number;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  rssMb?: number;
  /** The target process's own CPU time per turn: steadier than turns/s when other work shares the machine. */
  cpuMsPerTurn?: number;
  errors: number;
  byKind: Partial<Record<TurnKind, { turnsPerSecond: number; p50: number; p99: number }>>;
}

function summarise(target: string, concurrency: number, samples: TurnSample[], seconds: number, rss?: number, cpu?: number): Row {
  const stats = (list: TurnSample[]) => {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b);
    return { turnsPerSecond: list.length / seconds, p50: percentile(ms, 50), p99: percentile(ms, 99) };
  };
  const byKind: Row['byKind'] = {};
  for (const kind of ['faq', 'smalltalk', 'path'] as TurnKind[]) {
    const list = samples.filter((s) => s.kind === kind);
    if (list.length) byKind[kind] = stats(list);
  }
  const cpuMsPerTurn = cpu !== undefined && samples.length > 0 ? cpu / samples.length : undefined;
  return { target, concurrency, ...stats(samples), rssMb: rss, cpuMsPerTurn, errors: samples.filter((s) => s.status !== 200).length, byKind };
}

const f = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${Math.round((100 * a) / b)} %` : 'n/a');

async function measure(name: string, kind: 'echo' | 'floor' | 'bot', env: Record<string, string>): Promise<Row[]> {
  const profileDir = profile && kind === 'bot' ? mkdtempSync(join(tmpdir(), 'bench-prof-')) : undefined;
  const target = await startTarget(kind, env, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const rows: Row[] = [];
  try {
    for (const concurrency of LEVELS) {
      const cpuBefore = cpuMs(target.child.pid);
      const { samples, seconds } = await runLoad(target.url, concurrency, durationMs);
      const cpuAfter = cpuMs(target.child.pid);
      const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
      rows.push(summarise(name, concurrency, samples, seconds, rssMb(target.child.pid), cpu));
      process.stderr.write(`  ${name} @${concurrency}: ${f(rows.at(-1)!.turnsPerSecond, 0)} turns/s\n`);
    }
  } finally {
    await stopTarget(target);
  }
  if (profileDir) {
    console.log(`\nCPU profile of "${name}" (self time, top 15; ${profileDir}):`);
    for (const line of topSelfTime(profileDir)) console.log(`  ${line}`);
  }
  return rows;
}

function printTable(rows: Row[], echo: Row[]): void {
  console.log('\n| target | conc. | turns/s | vs echo | p50 ms | p99 ms | p99 vs echo | CPU ms/turn | echo / it | RSS MB | errors | FAQ turns/s (p99) | path turns/s (p99) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const base = echo.find((e) => e.concurrency === row.concurrency);
    const kind = (k: TurnKind) => (row.byKind[k] ? `${f(row.byKind[k]!.turnsPerSecond, 0)} (${f(row.byKind[k]!.p99)})` : 'n/a');
    console.log(
      `| ${row.target} | ${row.concurrency} | ${f(row.turnsPerSecond, 0)} | ${ratio(row.turnsPerSecond, base?.turnsPerSecond)} | ${f(row.p50)} | ${f(row.p99)} | ${ratio(row.p99, base?.p99)} | ${f(row.cpuMsPerTurn, 2)} | ${ratio(base?.cpuMsPerTurn, row.cpuMsPerTurn)} | ${f(row.rssMb, 0)} | ${row.errors} | ${kind('faq')} | ${kind('path')} |`,
    );
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const common = { LOG_LEVEL: 'silent', TURNS_PER_MINUTE_PER_CONVERSATION: '0' }; // measure the bot, not the limiter
  const results: Record<string, unknown> = { durationMs, levels: LEVELS, node: process.version };
  try {
    console.log(`Benchmark: ${durationMs} ms per level after 500 ms warm-up, loopback, Node ${process.version}`);
    const echo = await measure('echo', 'echo', { ...common, STORAGE: 'memory' });
    const floor = await measure('dialog floor', 'floor', { ...common, STORAGE: 'memory' });
    const rows = [...echo, ...floor];
    let botError: string | undefined;
    try {
      rows.push(...(await measure('bot (memory)', 'bot', { ...common, STORAGE: 'memory' })));
      rows.push(...(await measure('bot (on-disk)', 'bot', { ...common, STORAGE: '', DATA_DIR: dataDir })));
    } catch (error) {
      botError = (error as Error).message;
      console.log(`\nThe bot could not be measured: ${botError}`);
    }
    printTable(rows, echo);
    results.rows = rows;

    const goalRow = rows.find((r) => r.target === 'bot (memory)' && r.concurrency === GOAL.concurrency);
    const goalEcho = echo.find((r) => r.concurrency === GOAL.concurrency)!;
    if (goalRow) {
      console.log(`\nGoal at ${GOAL.concurrency} concurrent, memory store (≥ ${GOAL.minRatio * 100} % of echo turns/s, p99 ≤ ${GOAL.maxP99Ms} ms):`);
      for (const kind of ['faq', 'path'] as TurnKind[]) {
        const k = goalRow.byKind[kind];
        if (!k) continue;
        // A kind's share of the mix is compared with the echo bot's throughput on the same share.
        const echoShare = goalEcho.byKind[kind]?.turnsPerSecond;
        const met = k.turnsPerSecond >= GOAL.minRatio * (echoShare ?? Infinity) && k.p99 <= GOAL.maxP99Ms;
        console.log(`  ${kind}: ${f(k.turnsPerSecond, 0)} turns/s = ${ratio(k.turnsPerSecond, echoShare)} of echo, p99 ${f(k.p99)} ms → ${met ? 'MET' : 'NOT MET'}`);
      }
      console.log(
        `  CPU per turn: bot ${f(goalRow.cpuMsPerTurn, 2)} ms, echo ${f(goalEcho.cpuMsPerTurn, 2)} ms → echo / bot = ${ratio(goalEcho.cpuMsPerTurn, goalRow.cpuMsPerTurn)} ` +
          '(the throughput ratio when each has a core to itself; steadier than turns/s on a shared machine)',
      );
      const floorRow = floor.find((r) => r.concurrency === GOAL.concurrency);
      if (floorRow) {
        console.log(
          `  for reference, the dialog floor (no logic of its own): ${f(floorRow.turnsPerSecond, 0)} turns/s = ${ratio(floorRow.turnsPerSecond, goalEcho.turnsPerSecond)} of echo, p99 ${f(floorRow.p99)} ms; ` +
            `the bot is at ${ratio(goalRow.turnsPerSecond, floorRow.turnsPerSecond)} of the floor`,
        );
      }
    }

    const entry = join(__dirname, '..', 'src', 'index.js');
    if (!botError) {
      const starts: number[] = [];
      for (let i = 0; i < 3; i++) starts.push(await coldStartMs(entry, { STORAGE: 'memory' }));
      const disk = await coldStartMs(entry, { STORAGE: '', DATA_DIR: mkdtempSync(join(dataDir, 'cold-')) });
      starts.sort((a, b) => a - b);
      console.log(`\nCold start to healthy (node dist/src/index.js → /healthz 200): memory median ${f(starts[1], 0)} ms (of 3), on-disk ${f(disk, 0)} ms`);
      results.coldStartMs = { memory: starts, onDisk: disk };

      const target = await startTarget('bot', { ...common, STORAGE: 'memory' });
      try {
        // On an idle process first, so the figure is the turn's own cost.
        const huge = await hugeDateAnswerMs(target.url);
        console.log(`100 KB answer at the date prompt (best of 3, idle bot, memory store): ${huge.map((h) => `${h.name} ${f(h.ms)} ms${h.status === 200 ? '' : ` (HTTP ${h.status})`}`).join(', ')}`);
        results.hugeDateAnswer = huge;
        const before = rssMb(target.child.pid);
        const t0 = performance.now();
        const failed = await distinctConversations(target.url, conversations, 32);
        const seconds = (performance.now() - t0) / 1000;
        const after = rssMb(target.child.pid);
        console.log(`RSS after ${conversations} distinct conversations (memory store): ${f(before, 0)} → ${f(after, 0)} MB (${f(seconds)} s, ${failed} failed)`);
        results.distinct = { conversations, rssBeforeMb: before, rssAfterMb: after, seconds, failed };
      } finally {
        await stopTarget(target);
      }
    }
    const out = flag('json');
    if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
