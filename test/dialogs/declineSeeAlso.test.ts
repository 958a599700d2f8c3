// A decline's see-also button, clicked at the top level (imBack sends its title), answers that entry through the
// main conversation: not a second decline, not the route check. Real turns through MainConversation.run.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { loadKnowledge } from '../../src/faq/knowledge';
import { SEE_ALSO_TEXT } from '../../dialogs/faqResponder';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const kb = loadKnowledge();
const cases = kb.entries
  .filter((e) => e.kind === 'decline')
  .flatMap((d) => d.seeAlso.map((id) => [d.id, d.question, id, kb.byId.get(id)!] as const));

test.each(cases)('%s ("%s") → %s answered', async (_declineId, question, _relatedId, related) => {
  const trainer = mainHarness(stores);
  const decline = await trainer.say(question);
  expect(decline.text).toContain(`${SEE_ALSO_TEXT} "${related.question}"`);
  expect(decline.buttons).toContain(related.question);
  const answer = await trainer.say(related.question);
  expect(answer.inPath).toBe(false);
  expect(answer.text).toContain(related.answer!);
  expect(answer.text).toContain(`From the help article: ${related.section}`);
});
