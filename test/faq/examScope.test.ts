// The exam route is only for trainers who passed the online exam. Entries carry `byExam` (knowledge YAML, zod-checked)
// naming the entry that answers instead for a trainer whose own exam is known; the testing-center answer is never
// ranked by itself. Here: the knowledge contract, which messages state the trainer's own exam, and the follow-up
// sentences built from a route check's assessment.
import { entryForExam, loadKnowledge } from '../../src/faq/knowledge';
import { createFaqEngine } from '../../src/faq/engine';
import { statedOwnExam } from '../../src/recert/ownExam';
import { describeFollowUp, followUpKind } from '../../src/recert/followUp';
import { assess } from '../../src/recert/rules';
import { editedKnowledgeCopy, knowledgeErrorOf } from './knowledgeCopy';

const TC_ENTRY = 'cec_route_after_testing_center';

describe('byExam in the knowledge base', () => {
  const kb = loadKnowledge();
  const engine = createFaqEngine(kb);

  it.each(['exam_route', 'exam_benefits', 'cert_vs_full', 'same_exam', 'ways_to_recertify'])(
    '%s answers the CEC route for a testing-center trainer and itself otherwise',
    (id) => {
      const entry = kb.byId.get(id)!;
      expect(entryForExam(entry, 'testing-center-exam', (x) => kb.byId.get(x)).id).toBe(TC_ENTRY);
      expect(entryForExam(entry, 'online-exam', (x) => kb.byId.get(x)).id).toBe(id);
      expect(entryForExam(entry, undefined, (x) => kb.byId.get(x)).id).toBe(id);
    },
  );

  it('the testing-center answer gives the CEC route, the NCCA rule, and no exam-route benefit as its own', () => {
    const answer = kb.byId.get(TC_ENTRY)!.answer!;
    expect(answer).toMatch(/2\.0 CECs/);
    expect(answer).toMatch(/recertification application/);
    expect(answer).toMatch(/same exam twice/);
    expect(answer).toMatch(/doesn't offer recertifying by the online exam/);
    expect(answer).toMatch(/only for trainers who previously passed the online exam/);
  });

  it.each(['How do I recertify after the testing-center exam?', 'recertify after testing center exam CECs application'])(
    'is never ranked by itself: "%s"',
    (q) => {
      const result = engine.classify(q);
      expect(result.top?.id).not.toBe(TC_ENTRY);
      expect(result.candidates.map((c) => c.id)).not.toContain(TC_ENTRY);
    },
  );

  it.each([
    ['an unknown byExam id', (t: string) => t.replace(`testing-center-exam: ${TC_ENTRY} }`, 'testing-center-exam: nope }'), 'exam_route', 'byExam.testing-center-exam'],
    ['an unknown exam', (t: string) => t.replace(`{ testing-center-exam: ${TC_ENTRY} }`, `{ paper-exam: ${TC_ENTRY} }`), 'exam_route', 'byExam'],
    ['an unranked entry nobody redirects to', (t: string) => t.replaceAll(`byExam: { testing-center-exam: ${TC_ENTRY} }`, ''), TC_ENTRY, 'indexed'],
  ])('names the entry and field for %s', (_label, edit, entryId, field) => {
    const message = knowledgeErrorOf(editedKnowledgeCopy('entries/faq.yaml', edit));
    expect(message).toContain(`"${entryId}"`);
    expect(message).toContain(`"${field}`);
  });
});

describe('statedOwnExam', () => {
  it.each([
    ["I'm fully certified (testing center exam). How do I recertify?", 'testing-center-exam'],
    ["I'm fully certified", 'testing-center-exam'],
    ['can I take the testing center exam again instead of doing CECs?', 'testing-center-exam'],
    ['I took the proctored one at Pearson', 'testing-center-exam'],
    ['I passed the NCCA exam at a testing center, can I recertify by exam', 'testing-center-exam'],
    ['I passed the online exam, how do I recertify', 'online-exam'],
    // an exam they ask about taking, not one they passed
    ['what if I take the online exam this time?', undefined],
    ['can I recertify at a testing center', undefined],
    ['proctored exam for recertification', undefined],
    ['do I need CECs if I take the exam', undefined],
  ])('%s → %s', (text, exam) => {
    expect(statedOwnExam(text)).toBe(exam);
  });
});

describe('follow-ups from the last assessment', () => {
  const today = '2026-11-28';
  const online = assess({ certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 0.5, today });
  const center = assess({ certifiedOn: '2025-03-03', earnedVia: 'testing-center-exam', cecsEarned: 0.5, today });
  const dueSoon = assess({ certifiedOn: '2025-01-15', earnedVia: 'testing-center-exam', cecsEarned: 2, today });
  const lapsed = assess({ certifiedOn: '2024-01-15', earnedVia: 'online-exam', cecsEarned: 1, today });

  it.each([
    ['how many more CECs do I need?', 'cecs'],
    ['so how many more do I need?', 'cecs'],
    ['how many more times can I take it?', undefined],
    ['when does mine expire?', 'expiry'],
    ['so what do I do next?', 'next'],
    ["what's the deadline for me again?", 'expiry'],
    ['am I still certified then?', 'status'],
    // general questions, new facts, topics the FAQ declines: not follow-ups
    ['how many CECs are required?', undefined],
    ['check my status', undefined],
    ["what's my status now?", 'status'],
    ['actually I have 1.5 CECs now, how many more do I need?', undefined],
    ['I was certified in March 2024, when does mine expire?', undefined],
    ['is there a late fee if I miss my deadline?', undefined],
  ])('%s → %s', (text, kind) => {
    expect(followUpKind(text)).toBe(kind);
  });

  it.each([
    [online, 'cecs', /0\.5 of the 2\.0 CECs, so you still need 1\.5.*March 3, 2027.*recertify by exam instead/],
    [center, 'cecs', /still need 1\.5/],
    [online, 'expiry', /expires on March 3, 2027\.$/],
    [online, 'next', /two routes.*NCCA-accredited exam.*earn the 1\.5 CECs you still need and submit the recertification application/],
    [assess({ certifiedOn: '2025-03-03', earnedVia: 'testing-center-exam', cecsEarned: 1, today }), 'next', /earn the 1 CEC you still need and/], // singular
    [center, 'next', /your route is to earn the 1\.5 CECs .*application \(the exam route is only for trainers who passed the online exam\)/],
    [dueSoon, 'expiry', /expires on January 15, 2027, in 48 days/],
    [dueSoon, 'status', /due soon/],
    [dueSoon, 'cecs', /covers the 2\.0 required/],
    [assess({ certifiedOn: '2025-01-15', earnedVia: 'online-exam', cecsEarned: 2, today }), 'next', /two routes: \(1\) submit the recertification application with your CECs, or \(2\) because you passed the online exam/], // CECs earned: that route first
    [lapsed, 'cecs', /expired on January 15, 2026\. The help article doesn't cover lapsed certifications/],
  ] as const)('follow-up sentence %#', (assessment, kind, expected) => {
    expect(describeFollowUp(assessment, kind, today)).toMatch(expected);
  });

  it('never offers the exam route to a testing-center trainer', () => {
    for (const kind of ['cecs', 'next', 'routes', 'status', 'expiry'] as const) {
      expect(describeFollowUp(center, kind, today)).not.toMatch(/fee is waived|no CECs needed|by exam instead/);
    }
  });
});
