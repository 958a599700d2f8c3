import { Activity, TestAdapter } from 'botbuilder';
import { Keyv } from 'keyv';
import pino from 'pino';
import { FaqResponder, type FaqTurnState, NONE_OF_THESE, SEE_ALSO_TEXT, TALK_TO_PERSON } from '../../dialogs/faqResponder';
import { createFaqEngine } from '../../src/faq/engine';
import { loadKnowledge } from '../../src/faq/knowledge';
import { FeedbackLog } from '../../src/faq/feedbackLog';
import type { Links } from '../../src/config';
import { readableText } from '../../scripts/eval';

const engine = createFaqEngine(loadKnowledge());

/** A conversation with the responder: each say() is one turn through botbuilder's TestAdapter. */
function conversation(links: Links = {}) {
  const feedback = new FeedbackLog(new Keyv(), 30);
  const responder = new FaqResponder({ engine, links, feedback, logger: pino({ level: 'silent' }) });
  const state: FaqTurnState = { misses: 0 };
  const say = async (text: string) => {
    const replies: Partial<Activity>[] = [];
    let outcome;
    const adapter = new TestAdapter(async (context) => {
      context.onSendActivities(async (_c, acts, next) => {
        replies.push(...acts);
        return next();
      });
      outcome = await responder.respond(context, context.activity.text ?? '', state);
    });
    await adapter.send(text);
    const buttons = replies.flatMap((r) => [
      ...(r.suggestedActions?.actions ?? []),
      ...(r.attachments ?? []).flatMap((a) => (a.content as { buttons?: { type: string; title: string; value: string }[] }).buttons ?? []),
    ]);
    return { outcome: outcome!, replies, text: readableText(replies), buttons };
  };
  return { say, state, feedback, responder };
}

// Sure to be middle band: two topics half-matched.
const AMBIGUOUS = 'classes and documents';

describe('FaqResponder', () => {
  it('answers at high confidence with the facts, the source line, related questions and "Was this helpful?"', async () => {
    const { say, state } = conversation();
    const turn = await say('how many CEUs do I need to renew?');
    expect(turn.outcome).toMatchObject({ outcome: 'answered', entryId: 'cec_count' });
    expect(turn.text).toContain('2.0 CECs');
    expect(turn.text).toContain('From the help article: Continuing Education Credit');
    expect(turn.text).toContain('Was this helpful?');
    const titles = turn.buttons.map((b) => b.title);
    expect(titles).toEqual(expect.arrayContaining(['Where can I earn CECs?', 'Yes', 'No']));
    for (const b of turn.buttons) expect(b.type).toBe('imBack');
    for (const b of turn.buttons) expect(b.value).toBe(b.title);
    expect(state.pending).toEqual({ kind: 'feedback', entryId: 'cec_count' });
  });

  it.each([
    ['typed yes', 'yes it was', true],
    ['clicked Yes', 'Yes', true],
    ['typed no', 'nope', false],
    ['clicked No', 'No', false],
  ])('records feedback: %s', async (_label, reply, helpful) => {
    const { say, feedback, state } = conversation();
    await say('what is the access code');
    const turn = await say(reply);
    expect(turn.outcome).toMatchObject({ outcome: 'feedback', entryId: 'access_code' });
    const summary = await feedback.summary();
    expect(summary).toMatchObject({ helpful: helpful ? 1 : 0, notHelpful: helpful ? 0 : 1 });
    expect(turn.buttons.some((b) => b.title === TALK_TO_PERSON)).toBe(!helpful);
    // the feedback question is settled; after "no" the offer of a person is what a "yes" would answer
    expect(state.pending).toEqual(helpful ? undefined : { kind: 'offer', entryId: 'access_code' });
  });

  it('treats a new question after an answer as a question, not feedback', async () => {
    const { say } = conversation();
    await say('what is the access code');
    const turn = await say('how often should I take a CEC class?');
    expect(turn.outcome).toMatchObject({ outcome: 'answered', entryId: 'pace' });
  });

  it('asks "Did you mean…" in the middle band; a typed number or the clicked title answers it', async () => {
    const { say } = conversation();
    const first = await say(AMBIGUOUS);
    expect(first.outcome.outcome).toBe('clarifying');
    expect(first.text).toContain('Did you mean');
    const titles = first.buttons.map((b) => b.title);
    expect(titles[titles.length - 1]).toBe(NONE_OF_THESE);
    const picked = await say('1');
    expect(picked.outcome.outcome).toBe('answered');
    expect(picked.text).toContain('From the help article');

    const again = conversation();
    const offer = await again.say(AMBIGUOUS);
    const clicked = await again.say(offer.buttons[1].title);
    const expectedId = loadKnowledge().entries.find((e) => e.question === offer.buttons[1].title)?.id;
    expect(expectedId).toBeDefined();
    expect(clicked.outcome).toMatchObject({ outcome: 'answered', entryId: expectedId });
  });

  it('"None of these" declines and offers a person', async () => {
    const { say } = conversation();
    await say(AMBIGUOUS);
    const turn = await say('none of these');
    expect(turn.outcome).toMatchObject({ outcome: 'declined', offerPerson: true });
    expect(turn.buttons.map((b) => b.title)).toEqual([TALK_TO_PERSON]);
  });

  it.each([
    // fee_amount has a see-also: the exam route's benefits (the fee is waived there), offered by its question only
    ['How much does the recertification fee cost?', [TALK_TO_PERSON, 'What do I get by recertifying by exam?']],
    ['I forgot my password', [TALK_TO_PERSON]],
  ])('declines "%s" plainly, offering a person and stating no article fact', async (question, buttons) => {
    const { say, feedback } = conversation();
    const turn = await say(question);
    expect(turn.outcome).toMatchObject({ outcome: 'declined', offerPerson: true });
    expect(turn.text).toMatch(/help article doesn't/);
    expect(turn.text).not.toMatch(/waive|2\.0|testing center|access code|self-study/i);
    expect(turn.buttons.map((b) => b.title)).toEqual(buttons);
    expect(turn.text.includes(SEE_ALSO_TEXT)).toBe(buttons.length > 1);
    expect((await feedback.summary()).unanswered).toBe(1);
  });

  it('a decline\'s see-also button answers the related entry with its facts', async () => {
    const { say } = conversation();
    await say('how much does it cost to recertify?');
    const turn = await say('What do I get by recertifying by exam?');
    expect(turn.outcome).toMatchObject({ outcome: 'answered', entryId: 'exam_benefits' });
    expect(turn.text).toMatch(/recertification fee is waived/);
  });

  it.each([
    ['after a decline', ['How much does the recertification fee cost?']],
    ['after "not helpful"', ['How many CECs do I need?', 'no']],
  ])('a bare "yes" to the offer of a person %s asks for one', async (_when, before) => {
    const { say } = conversation();
    for (const text of before) await say(text);
    const turn = await say('yes');
    expect(turn.outcome).toMatchObject({ outcome: 'action', action: 'handoff' });
    expect(turn.replies).toHaveLength(0);
  });

  it('"yes" with no offer pending is not a request for a person', async () => {
    const { say } = conversation();
    await say('How many CECs do I need?');
    await say('thanks');
    expect((await say('yes')).outcome.action).toBeUndefined();
  });

  it('offers a person unasked after two misses in a row', async () => {
    const { say, state } = conversation();
    const first = await say(AMBIGUOUS);
    expect(first.outcome.offerPerson).toBe(false);
    const second = await say('documents and classes');
    expect(state.misses).toBe(2);
    expect(second.outcome.offerPerson).toBe(true);
    expect(second.buttons.map((b) => b.title)).toContain(TALK_TO_PERSON);
  });

  it('returns actions without sending anything', async () => {
    const { say } = conversation();
    const turn = await say('talk to a person');
    expect(turn.outcome).toMatchObject({ outcome: 'action', action: 'handoff' });
    expect(turn.replies).toHaveLength(0);
  });

  it.each([
    [{ PORTAL_URL: 'https://portal.example.org/' }, 'https://portal.example.org/', undefined],
    [{}, undefined, 'trainer portal'],
  ])('shows configured links and never invents one (%j)', async (links, url, words) => {
    const { say } = conversation(links);
    const turn = await say('where can I earn CECs');
    if (url) expect(turn.text).toContain(url);
    if (words) expect(turn.text).toContain(words);
    if (!url) expect(turn.text).not.toMatch(/https?:\/\//);
  });

  it('tryAnswer answers only at high confidence', async () => {
    const { responder } = conversation();
    const sent: string[] = [];
    const run = (text: string) =>
      new Promise<boolean>((resolve) => {
        const adapter = new TestAdapter(async (context) => {
          context.onSendActivities(async (_c, acts, next) => {
            sent.push(...acts.map((a) => a.text ?? ''));
            return next();
          });
          resolve(await responder.tryAnswer(context, text));
        });
        void adapter.send(text);
      });
    expect(await run('how often do I need to recertify')).toBe(true);
    expect(sent.join(' ')).toMatch(/two years/);
    expect(await run('Is pizza healthy?')).toBe(false);
    expect(await run('talk to a person')).toBe(false);
  });
});
