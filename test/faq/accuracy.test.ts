// Floors on the rendered replies (graded like the dev set's "about"), on our own set and on the shared dev set.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createFaqEngine } from '../../src/faq/engine';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/faq/knowledge';
import { defaultEvalFiles, evaluate, FLOORS, loadEvalSet, rate } from '../../scripts/eval';

const repoRoot = path.dirname(defaultKnowledgeDir());
const devFile = path.resolve(repoRoot, '../shared/eval/faq-dev.json');
const engine = createFaqEngine(loadKnowledge());
const files = [...defaultEvalFiles(repoRoot), ...(existsSync(devFile) ? [devFile] : [])];
if (!existsSync(devFile)) console.warn(`SKIPPED: shared dev set not found at ${devFile}`);

describe('FAQ accuracy floors', () => {
  it('has our own set with enough questions', () => {
    const own = loadEvalSet(path.join(repoRoot, 'test/eval/faq-project.json'));
    expect(own.inScope.length).toBeGreaterThanOrEqual(80);
    expect(own.outOfScope.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s: ≥ 95 %% in-scope correct, ≥ 95 %% out-of-scope declined', async (_name, file) => {
    const report = await evaluate(engine, loadEvalSet(file));
    const detail = JSON.stringify({ confusions: report.confusions, leaks: report.leaks }, null, 1);
    expect({ inScope: rate(report.inScopeCorrect, report.inScopeTotal) >= FLOORS.inScope, detail }).toMatchObject({ inScope: true });
    expect({ outOfScope: rate(report.outOfScopeDeclined, report.outOfScopeTotal) >= FLOORS.outOfScope, detail }).toMatchObject({ outOfScope: true });
  });
});
