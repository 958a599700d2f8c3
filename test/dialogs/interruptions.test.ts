import { classifyInterruption, looksLikeQuestion } from '../../dialogs/interruptibleDialog';

describe('classifyInterruption', () => {
  test.each([
    ['help', 'help'],
    ['Help!', 'help'],
    ['why do you need this?', 'help'],
    ['cancel', 'cancel'],
    ['stop', 'cancel'],
    ['never mind', 'cancel'],
    ['start over', 'restart'],
    ['Restart', 'restart'],
    ['talk to a person', 'handoff'],
    ['I want to speak with a human', 'handoff'],
    ['agent', 'handoff'],
    ['can I talk to someone?', 'handoff'],
    // answers and ordinary sentences are not commands
    ['online', undefined],
    ['no', undefined],
    ['March 2025', undefined],
    ["I don't know", undefined],
    ['I stopped counting my CECs', undefined],
    ['help me understand the exam route and why it matters for my trainers at the gym', undefined],
  ])('%s → %s', (text, kind) => expect(classifyInterruption(text)).toBe(kind));
});

describe('looksLikeQuestion', () => {
  test.each([
    ['how much is the fee?', true],
    ['Do CECs from 2023 count', true],
    ['online', false],
    ['1.5', false],
    ['March 3 2025', false],
  ])('%s → %s', (text, expected) => expect(looksLikeQuestion(text)).toBe(expected));
});
