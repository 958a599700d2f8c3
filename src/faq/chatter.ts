// Messages that are no question at all, told apart before the FAQ declines them as "not covered": keyboard mashing,
// another language, rudeness, and an explicit ask for a person inside a question about something else. Pure text
// tests, no botbuilder: the main dialog chooses the reply.

export type Chatter = 'unreadable' | 'other_language' | 'rude';

/** Function words of the languages trainers most often write in besides English (none of them English words). */
const FOREIGN_WORDS = new Set(
  (
    'qué cómo como cuántos cuántas cuantos cuantas necesito puedo para por los las del una es mi mis hola gracias tengo dónde donde cuándo cuando ' +
    'certificación recertificación recertificarme examen créditos cuánto cuesta ' +
    'combien faut il pour le les des je est quoi comment où bonjour merci mon ma mes une du nous vous avec dois ' +
    'wie viele brauche ich ist der das und nicht wann wo kann meine zertifizierung prüfung ' +
    'quantos preciso voce você obrigado olá minha'
  ).split(' '),
);
const RUDE = /\b(?:stupid|dumb|idiot\w*|sucks?|crap\w*|shit\w*|fuck\w*|f\*+\w*|wtf|hate (?:you|this|u)|garbage|trash|moron\w*|pathetic|worthless|shut up|screw (?:you|u|this))\b/i;
/**
 * Frustration with the bot itself ("this bot is useless", "you're not helping", "what a waste of time"): said of
 * the bot, "this" or "you", or as the whole message, so "is the online certificate useless at gyms?" stays a
 * question. ("This is confusing" is not here: the FAQ's own frustration answer explains what the bot can do.)
 */
const FRUSTRATED_WITH_BOT = new RegExp(
  String.raw`\b(?:you(?:'re| are)?|u(?: r| are)?|this(?: (?:bot|chat ?bot|thing|chat|assistant))?(?: is|'s)?|it(?:'s| is)|(?:the |your )?(?:bot|chat ?bot|assistant)(?: is|'s)?|what an?)\s+` +
    String.raw`(?:(?:so|really|completely|totally|absolutely|pretty|just|very|such an?|being|of)\s+)*` +
    String.raw`(?:useless|pointless|unhelpful|no help(?: at all)?|not (?:helping|helpful|very helpful|any help|much help)|(?:a )?waste of (?:my )?time|ridiculous|annoying|terrible|awful|horrible|a joke)\b` +
    String.raw`|^\W*(?:so |totally |completely )?(?:useless|pointless|unhelpful|not helpful|no help|(?:a )?waste of (?:my )?time|ridiculous)\W*$`,
  'i',
);
/** Letter pairs an English word (or a typo of one) almost never has: keyboard mashing. */
const MASHED = /qw|wq|zx|xz|jh|kj|qp|pq|vq|qz|xj|jx|zq|fq|kz|zk|hj|jk|xk|dkj|sdk/;

export function readChatter(text: string): Chatter | undefined {
  const t = text.toLowerCase().replace(/[\u2018\u2019`]/g, "'");
  if (RUDE.test(t) || FRUSTRATED_WITH_BOT.test(t)) return 'rude';
  const words = t.match(/[a-zà-ÿ]+/g) ?? [];
  if (words.length === 0) return /[0-9]/.test(t) ? undefined : 'unreadable';
  const foreign = new Set(words.filter((w) => FOREIGN_WORDS.has(w)));
  if (/[¿¡]/.test(t) || (foreign.size >= 2 && foreign.size >= 0.3 * words.length)) return 'other_language';
  const mashed = words.filter((w) => w.length >= 3 && (!/[aeiouy]/.test(w) || /[^aeiouy]{5}/.test(w) || MASHED.test(w)));
  if (mashed.length > 0 && mashed.length * 2 >= words.length) return 'unreadable';
  return undefined;
}

/** "I need to talk to someone about my lapsed cert": the trainer asks for a person, whatever the topic. */
const ASKS_FOR_PERSON =
  /\b(?:talk|speak|chat)(?:ing)?\s+(?:to|with)\s+(?:someone|somebody|a\s+(?:real\s+|live\s+)?(?:person|human|agent|rep|representative)|an\s+(?:agent|advisor|adviser)|staff|support|customer\s+service)\b|\b(?:connect|transfer|put)\s+me\s+(?:to|through\s+to|with)\s+(?:someone|somebody|a\s+(?:person|human)|an\s+agent|support)\b/i;

export function asksForPerson(text: string): boolean {
  return ASKS_FOR_PERSON.test(text);
}
