// A decline's see-also buttons point to what the article does say next to the declined topic. They must keep
// the decline a decline as the evaluation grades it (rendered text and button titles): no distinctive article
// fact, and no in-scope group's patterns completed by the added line and button.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Activity, TestAdapter } from 'botbuilder';
import { Keyv } from 'keyv';
import pino from 'pino';
import { FaqResponder, SEE_ALSO_TEXT, TALK_TO_PERSON } from '../../dialogs/faqResponder';
import { createFaqEngine } from '../../src/faq/engine';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/faq/knowledge';
import { FeedbackLog } from '../../src/faq/feedbackLog';
import { defaultEvalFiles, loadEvalSet, readableText } from '../../scripts/eval';

const repoRoot = path.dirname(defaultKnowledgeDir());
const devFile = path.resolve(repoRoot, '../shared/eval/faq-dev.json');
const sets = [...defaultEvalFiles(repoRoot), ...(existsSync(devFile) ? [devFile] : [])].map(loadEvalSet);
const kb = loadKnowledge();
const engine = createFaqEngine(kb);
const responder = new FaqResponder({ engine, links: {}, feedback: new FeedbackLog(new Keyv(), 1), logger: pino({ level: 'silent' }) });
const withSeeAlso = kb.entries.filter((e) => e.kind === 'decline' && e.seeAlso.length > 0);

async function declineOf(question: string) {
  const replies: Partial<Activity>[] = [];
  let outcome;
  const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_c, acts, next) => {
      replies.push(...acts);
      return next();
    });
    outcome = await responder.respond(context, context.activity.text ?? '', { misses: 0 });
  });
  await adapter.send(question);
  return { outcome: outcome!, replies };
}

describe('decline see-also', () => {
  it('is used by some declines, not all (only where the article says something related)', () => {
    expect(withSeeAlso.length).toBeGreaterThan(3);
    expect(withSeeAlso.length).toBeLessThan(kb.entries.filter((e) => e.kind === 'decline').length);
  });

  it.each(withSeeAlso.map((e) => [e.id, e.question, e.seeAlso]))('%s ("%s") offers %j and stays a decline', async (id, question, seeAlso) => {
    const { outcome, replies } = await declineOf(question as string);
    expect(outcome).toMatchObject({ outcome: 'declined', entryId: id });
    const titles = (seeAlso as string[]).map((r) => kb.byId.get(r)!.question);
    expect(replies).toHaveLength(1);
    expect(replies[0].suggestedActions?.actions.map((a) => a.title)).toEqual([TALK_TO_PERSON, ...titles]);
    expect(replies[0].text).toContain(SEE_ALSO_TEXT);
    const text = readableText(replies);
    for (const set of sets) {
      expect({ set: set.name, leaked: set.distinctive.filter((p) => p.test(text)).map(String) }).toEqual({ set: set.name, leaked: [] });
      const answered = Object.entries(set.groups).filter(([, patterns]) => patterns.every((p) => p.test(text))).map(([g]) => g);
      expect({ set: set.name, answered }).toEqual({ set: set.name, answered: [] });
    }
  });
});
