// Accuracy floors through the real bot over /api/messages, as a channel meets it: our own trainer questions
// and the shared development set (skipped with a notice when ../shared is absent).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluateOverHttp } from '../../scripts/evalHttp';
import { defaultEvalFiles, FLOORS, loadEvalSet, rate } from '../../scripts/eval';
import { repoRoot } from '../../src/paths';
import { startApp, type RunningApp } from '../support/app';

const shared = path.resolve(repoRoot, '../shared/eval/faq-dev.json');
if (!existsSync(shared)) console.warn(`SKIPPED the shared dev set over HTTP: ${shared} is absent`);
const files = [...defaultEvalFiles(repoRoot), ...(existsSync(shared) ? [shared] : [])];

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(() => running.close());

describe.each(files.map((f) => [path.basename(f), f]))('%s through /api/messages', (_name, file) => {
  it(`answers ≥ ${FLOORS.inScope * 100} % of in-scope questions and declines ≥ ${FLOORS.outOfScope * 100} % of out-of-scope ones`, async () => {
    const report = await evaluateOverHttp(running.url, loadEvalSet(file));
    expect(report.inScopeTotal).toBeGreaterThan(0);
    expect({ inScope: rate(report.inScopeCorrect, report.inScopeTotal) >= FLOORS.inScope, misses: report.misses }).toMatchObject({ inScope: true });
    expect({ outOfScope: rate(report.outOfScopeDeclined, report.outOfScopeTotal) >= FLOORS.outOfScope, misses: report.misses }).toMatchObject({ outOfScope: true });
  }, 60_000);
});
