// Reader of the exam prompt: which exam the current certification came from (online or testing center).
import type { PathAnswers } from '../../src/recert/answers';
import { findCecsInSentence } from '../../src/recert/parseCecs';
import { parseExam } from '../../src/recert/parseExam';
import { TALK_TO_A_PERSON, type AskOptions, type Reading } from '../interruptibleDialog';
import { CENTER_WORD, NEITHER_EXAM, ONLINE_WORD, alreadyChecking, STARTS_CHECK } from './answerWords';
import { asideFacts, yearChange } from './asides';
import { wordingOf, type ExamReading, type ReadContext } from './types';

export function readExam(ctx: ReadContext, text: string, options: AskOptions): Reading<ExamReading> {
  if (STARTS_CHECK.test(text)) return { ok: false, understood: true, why: alreadyChecking(wordingOf(options).your) };
  // "actually it was 2023": a correction of the date's year, not an exam answer.
  const change = yearChange(ctx, text, (options.known as PathAnswers | undefined)?.certifiedOn, true, wordingOf(options));
  if (change) return 'why' in change ? { ok: false, understood: true, why: change.why } : { ok: true, value: { kind: 'aside', facts: change.facts } };
  // "not sure, which one gives a certificate?": a question about the exams, not an answer naming one.
  const asking = /\?/.test(text) && /\b(which|what|how|does|do|is|are|was|can|difference)\b/i.test(text);
  const r = asking ? 'unsure' : parseExam(text);
  if (r === 'online-exam' || r === 'testing-center-exam') {
    // "testing center, and I have 2 CECs": the CECs too (only a number next to the word CEC/credit).
    const cecs = findCecsInSentence(text, [], ctx.locale);
    return { ok: true, value: { earnedVia: r, extras: cecs?.kind === 'cecs' ? { cecsEarned: cecs.value } : undefined } };
  }
  if (r === 'unsure') {
    return {
      ok: false,
      understood: true,
      why: 'If the exam was taken online and gave a certificate, choose "Online exam". If it was the NCCA-accredited exam taken at a testing center, choose "Testing-center exam (NCCA)".',
    };
  }
  const aside = asideFacts(ctx, text, 'exam', options);
  if (aside) return { ok: true, value: { kind: 'aside', facts: aside } };
  if (NEITHER_EXAM.test(text)) {
    const w = wordingOf(options);
    return {
      ok: false,
      understood: true,
      why: `I can only work out routes after one of these two exams, the ones the help article covers. If ${w.your} certification came another way, a person from the support team can help: say "talk to a person".`,
      suggestions: [TALK_TO_A_PERSON],
    };
  }
  const both = /\bboth\b/i.test(text) || (ONLINE_WORD.test(text) && CENTER_WORD.test(text));
  // "online first, then the testing-center one": passing the testing-center exam after the online exam upgrades
  // the certificate to full certification (the article), so the current certification is from the later exam.
  const online = text.search(ONLINE_WORD);
  const center = text.search(CENTER_WORD);
  if (both && online >= 0 && center > online && /\b(then|after(?:wards)?|later|upgraded?)\b/i.test(text)) {
    return { ok: true, value: { earnedVia: 'testing-center-exam' } };
  }
  return {
    ok: false,
    understood: both,
    why: both ? 'Please choose the exam your current certification came from.' : 'Please choose one of the two exams.',
  };
}
