// Phrasings a QA pass as trainers found unanswered or answered with the wrong entry.
import { createFaqEngine } from '../../src/faq/engine';
import { loadKnowledge } from '../../src/faq/knowledge';

const engine = createFaqEngine(loadKnowledge());

describe('QA phrasings', () => {
  it.each([
    ['hey', 'greeting'],
    ['hw mny cecs do i ned', 'cec_count'],
    ['help with my cert', 'ways_to_recertify'],
    // certified through the testing-center exam: the exam route would be the same exam again
    ['i passed the ncca exam at a testing center in 2025. can i recertify by taking the exam?', 'same_exam'],
    ['I took the test at a testing center, can i recertify by exam?', 'same_exam'],
    // …but not for someone who passed the online exam
    ['I passed the online exam, can I recertify by taking the NCCA exam at a testing center?', 'exam_route'],
    ['can i recertify by exam', 'exam_route'],
    ['ok', 'acknowledged'],
    ['Got it!', 'acknowledged'],
    ['👍', 'acknowledged'],
    ['lol', 'acknowledged'],
  ])('answers %j with %s', (question, id) => {
    const result = engine.classify(question);
    expect(result.band).toBe('high');
    expect(result.top?.id).toBe(id);
  });

  it('"not sure" alone is no question (its "not" is not the "not" of "why not renew every year")', () => {
    expect(engine.classify('not sure').band).toBe('low');
  });

  it('declines "whats the fee" (no apostrophe) as a fee amount, like "what\'s the fee"', () => {
    const result = engine.classify('whats the fee');
    expect(result.band).toBe('low');
    expect(result.top?.id).toBe('fee_amount');
  });
});
