// Question-type markers: a question of a type its best entry doesn't answer is not answered with that entry.
import { createFaqEngine } from '../../src/faq/engine';
import { loadKnowledge } from '../../src/faq/knowledge';
import { createMarkerDetector } from '../../src/faq/markers';

const kb = loadKnowledge();
const engine = createFaqEngine(kb);

describe('question-type markers', () => {
  it.each([
    // [question, marker, decline topic that names it]
    ['how much is the recertification fee if I take the exam', 'money_amount', 'fee_amount'],
    ['is the self study program free', 'free', 'class_price'],
    ['can I pay the recertification fee with paypal', 'payment', 'payment_methods'],
    ['how long does it take to process my recertification application', 'processing_status', 'application_status'],
    ['where are the testing centers in Texas', 'location', 'exam_location'],
    ['can I take the NCCA exam online from home', 'remote_exam', 'exam_location'],
    ['what file types can I upload', 'upload_limits', 'upload_problems'],
    ['can I renew before my certification expires', 'expiry_timing', 'recertify_timing'],
    ['what ID do I need to bring to the testing center', 'exam_logistics', 'exam_booking'],
  ])('declines %j as %s (%s)', (question, marker, topic) => {
    const result = engine.classify(question);
    expect(result.markers).toContain(marker);
    expect(result.band).toBe('low');
    expect(result.top?.id).toBe(topic);
  });

  it.each([
    // in-scope questions whose ordinary words resemble a marker: the answer stands
    ['is there a fee if I recertify by exam', 'exam_benefits'],
    ['is recertifying by exam free', 'exam_benefits'],
    ['whats the file name format for my recert docs', 'upload'],
    ['Can CECs earned early in the cycle be used?', 'cec_window'],
    ['is there a recommended schedule for taking CEC courses?', 'pace'],
    ['can I sit for my original exam one more time to renew?', 'same_exam'],
    ['Where do I take the recertification exam?', 'exam_route'],
  ])('answers %j with %s', (question, id) => {
    const result = engine.classify(question);
    expect(result.band).toBe('high');
    expect(result.top?.id).toBe(id);
  });

  it.each([
    'Bonjour, the certification of trainer, it must be renewed after how much time?',
    'how much continuing education do I need',
    'Will I pay the recert fee if I go the exam route?',
  ])('finds no question-type marker in %j', (question) => {
    expect(engine.classify(question).markers).toBeUndefined();
  });

  it('caps an answer below the answer band when no decline declares the marker', () => {
    const noDeclines = { ...kb, entries: kb.entries.map((e) => (e.kind === 'decline' ? { ...e, answers: [] } : e)) };
    const result = createFaqEngine(noDeclines).classify('what file types can I upload');
    expect(result.markers).toEqual(['upload_limits']);
    expect(result.band).not.toBe('high');
  });

  it('unless cancels a marker; patterns see the message as written and after the vocabulary', () => {
    const detector = createMarkerDetector([
      { id: 'limits', pattern: '\\bformat\\b', unless: '\\bname\\b' },
      { id: 'money', pattern: '\\bhowmuch\\b' },
    ]);
    expect(detector.detect('what format', 'what format')).toEqual(['limits']);
    expect(detector.detect('file name format', 'file name format')).toEqual([]);
    expect(detector.detect('How much?', 'howmuch')).toEqual(['money']);
  });
});
