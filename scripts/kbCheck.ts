// `npm run kb:check`: validates knowledge/ (zod; a broken entry is named with its file and field) and reports
// coverage of the article: each section needs an entry, each fact of knowledge/article-facts.yaml an answer that
// carries it. Exits 1 when invalid or when something is not covered.
import { loadKnowledge, KnowledgeError, type KnowledgeBase } from '../src/faq/knowledge';

export interface Coverage {
  missingSections: string[];
  missingFacts: { id: string; section: string; statement: string }[];
  /** facts an entry declares (facts: [...]) that its answer does not actually carry */
  unsupportedClaims: { entryId: string; factId: string }[];
}

export function coverage(kb: KnowledgeBase): Coverage {
  const answers = kb.entries.filter((e) => e.kind === 'faq' && e.answer);
  const missingSections = kb.sections.filter((s) => !answers.some((e) => e.section === s));
  const missingFacts = kb.facts
    .filter((f) => !answers.some((e) => new RegExp(f.pattern, 'i').test(e.answer!)))
    .map(({ id, section, statement }) => ({ id, section, statement }));
  const unsupportedClaims: Coverage['unsupportedClaims'] = [];
  for (const e of answers) {
    for (const factId of e.facts ?? []) {
      const fact = kb.facts.find((f) => f.id === factId)!;
      if (!new RegExp(fact.pattern, 'i').test(e.answer!)) unsupportedClaims.push({ entryId: e.id, factId });
    }
  }
  return { missingSections, missingFacts, unsupportedClaims };
}

function main(): void {
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledge();
  } catch (err) {
    if (err instanceof KnowledgeError) {
      console.error(`INVALID ${err.message}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  const count = (kind: string) => kb.entries.filter((e) => e.kind === kind).length;
  console.log(`Knowledge base valid: ${kb.entries.length} entries (${count('faq')} faq, ${count('smalltalk')} smalltalk, ${count('action')} action, ${count('decline')} decline)`);
  const c = coverage(kb);
  console.log(`Sections covered: ${kb.sections.length - c.missingSections.length}/${kb.sections.length}`);
  for (const s of c.missingSections) console.log(`  NOT COVERED section: ${s}`);
  console.log(`Article facts carried by some answer: ${kb.facts.length - c.missingFacts.length}/${kb.facts.length}`);
  for (const f of c.missingFacts) console.log(`  NOT COVERED fact ${f.id} (${f.section}): ${f.statement}`);
  for (const u of c.unsupportedClaims) console.log(`  entry ${u.entryId} lists fact ${u.factId} but its answer does not carry it`);
  const ok = c.missingSections.length === 0 && c.missingFacts.length === 0 && c.unsupportedClaims.length === 0;
  console.log(ok ? 'OK' : 'INCOMPLETE');
  process.exitCode = ok ? 0 : 1;
}

if (require.main === module) main();
