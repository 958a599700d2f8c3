import { loadKnowledge } from '../../src/faq/knowledge';
import { coverage } from '../../scripts/kbCheck';
import { editedKnowledgeCopy, knowledgeErrorOf } from './knowledgeCopy';

describe('knowledge base', () => {
  it('loads the repo knowledge, finds it from the source tree, and covers every article section and fact', () => {
    const kb = loadKnowledge();
    expect(kb.entries.length).toBeGreaterThan(20);
    expect(kb.entries.filter((e) => e.action === 'handoff')).toHaveLength(1);
    const c = coverage(kb);
    expect(c).toEqual({ missingSections: [], missingFacts: [], unsupportedClaims: [] });
  });

  it.each([
    ['an answer removed', 'entries/faq.yaml', (t: string) => t.replace(/ {4}answer: >-\n(?: {6}.*\n)+/, ''), 'why_recertify', 'answer'],
    ['an unknown related id', 'entries/faq.yaml', (t: string) => t.replace('related: [how_often, why_two_years, cec_count]', 'related: [how_often, nope]'), 'why_recertify', 'related.1'],
    ['an unknown link key', 'entries/faq.yaml', (t: string) => t.replace('links: [PORTAL_URL]', 'links: [SHOP_URL]'), 'where_cecs', 'links.0'],
    ['an unknown kind', 'entries/smalltalk.yaml', (t: string) => t.replace('kind: smalltalk', 'kind: chitchat'), 'greeting', 'kind'],
    ['an unknown question-type marker', 'entries/faq.yaml', (t: string) => t.replace('answers: [free]', 'answers: [free, weather]'), 'exam_benefits', 'answers.1'],
    ['a marker on a smalltalk entry', 'entries/smalltalk.yaml', (t: string) => t.replace('id: thanks\n', 'id: thanks\n    answers: [free]\n'), 'thanks', 'answers'],
    ['a duplicate id', 'entries/smalltalk.yaml', (t: string) => t.replace('id: thanks', 'id: greeting'), 'greeting', 'id'],
    ['an unknown see-also id', 'entries/decline.yaml', (t: string) => t.replace('seeAlso: [exam_benefits]', 'seeAlso: [exam_perks]'), 'fee_amount', 'seeAlso.0'],
    ['a see-also that is a decline', 'entries/decline.yaml', (t: string) => t.replace('seeAlso: [exam_benefits]', 'seeAlso: [exam_benefits, refund]'), 'fee_amount', 'seeAlso.1'],
    ['a see-also that is an action', 'entries/decline.yaml', (t: string) => t.replace('seeAlso: [exam_benefits]', 'seeAlso: [check_status]'), 'fee_amount', 'seeAlso.0'],
    ['a see-also on a faq entry', 'entries/faq.yaml', (t: string) => t.replace('answers: [free]', 'answers: [free]\n    seeAlso: [exam_route]'), 'exam_benefits', 'seeAlso'],
    ['a path hint on a decline entry', 'entries/decline.yaml', (t: string) => t.replace('seeAlso: [exam_benefits]', 'pathHint: Check your status.'), 'fee_amount', 'pathHint'],
  ])('names the file, entry and field for %s', (_label, file, edit, entryId, field) => {
    const message = knowledgeErrorOf(editedKnowledgeCopy(file, edit));
    expect(message).toContain(`knowledge/${file}`);
    expect(message).toContain(`"${entryId}"`);
    expect(message).toContain(`"${field}"`);
  });

  it('names the vocabulary file and rule for an invalid regex', () => {
    const dir = editedKnowledgeCopy('vocabulary.yaml', (t) => t.replace('replace: "recertify" }', 'replace: "recertify", when: "([" }'));
    expect(() => loadKnowledge(dir)).toThrow(/knowledge\/vocabulary\.yaml field "synonyms\.0\.when"/);
  });

  it('names the vocabulary file and marker for an invalid marker regex', () => {
    const dir = editedKnowledgeCopy('vocabulary.yaml', (t) => t.replace("pattern: '\\bfree\\b", "pattern: '(\\bfree\\b"));
    expect(() => loadKnowledge(dir)).toThrow(/knowledge\/vocabulary\.yaml field "markers\.1\.pattern"/);
  });
});
