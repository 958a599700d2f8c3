// The path dialog's conversation sets through /api/messages (scripts/evalPaths.ts): trainers' own openers,
// date/exam/CEC answers in many forms, corrections and interruptions. Asserts the pass-rate floor.
import { evaluatePaths, loadPathSet, PATH_FLOOR } from '../../scripts/evalPaths';
import { repoRoot } from '../../src/paths';
import path from 'node:path';

describe.each(['paths-blind.json', 'paths-extra.json', 'paths-fresh.json'])('%s through /api/messages', (file) => {
  it(`passes ≥ ${PATH_FLOOR * 100} % of conversations`, async () => {
    const conversations = loadPathSet(path.join(repoRoot, 'test', 'eval', file));
    const report = await evaluatePaths(conversations);
    expect(report.total).toBeGreaterThanOrEqual(file === 'paths-fresh.json' ? 25 : 60);
    const failures = report.results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.problems.join('; ')}`);
    expect({ rate: report.passed / report.total >= PATH_FLOOR, failures }).toMatchObject({ rate: true });
  }, 120_000);
});
