// Cards that render and work in Teams. Teams renders Adaptive Cards up to version 1.5, and in channels and
// group chats a card button must be an Action.Submit carrying msteams messageBack data: a plain submit
// or an imBack there arrives without the @mention, which the mention rule would drop, or not at all.
// The same data carries `text` so Web Chat's plain Action.Submit (value only) is understood too.
import { CardFactory, type Attachment } from 'botbuilder';

export const TEAMS_MAX_CARD_VERSION = '1.5';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, unknown> & { text: string; msteams: { type: 'messageBack'; text: string; displayText: string } };
}

/** A button that sends `text` to the bot (shown in the chat as the title) on every channel. */
export function submitAction(title: string, text: string = title, extra: Record<string, unknown> = {}): SubmitAction {
  return { type: 'Action.Submit', title, data: { ...extra, text, msteams: { type: 'messageBack', text, displayText: title } } };
}

/** An Adaptive Card attachment at a version Teams renders. */
export function adaptiveCard(body: unknown[], actions: unknown[] = [], version: string = TEAMS_MAX_CARD_VERSION): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version,
    body,
    actions,
    msteams: { width: 'Full' },
  });
}

/** A short text with one button per choice (what suggested actions become where Teams does not show them). */
export function choicesCard(choices: string[], text?: string): Attachment {
  const body = text ? [{ type: 'TextBlock', text, wrap: true }] : [];
  return adaptiveCard(body, choices.map((choice) => submitAction(choice)));
}

function versionAbove(version: unknown, max: string): boolean {
  if (typeof version !== 'string') return true;
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [x = 0, y = 0] = max.split('.').map(Number);
  return a > x || (a === x && b > y);
}

function walkActions(node: unknown, visit: (action: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walkActions(n, visit));
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.type === 'string' && obj.type.startsWith('Action.')) visit(obj);
  for (const value of Object.values(obj)) walkActions(value, visit);
}

/**
 * What would not render or not work in a Teams channel, one line per problem (empty when fine).
 * Checks Adaptive Card versions, Action.Submit data, Action.Execute (needs an invoke handler this bot
 * lacks), and imBack/postBack buttons on hero and thumbnail cards.
 */
export function teamsCardProblems(attachment: Partial<Attachment>): string[] {
  const problems: string[] = [];
  const content = attachment.content as Record<string, unknown> | undefined;
  if (attachment.contentType === ADAPTIVE) {
    if (!content) return ['adaptive card without content'];
    if (versionAbove(content.version, TEAMS_MAX_CARD_VERSION)) {
      problems.push(`adaptive card version ${String(content.version)} is above ${TEAMS_MAX_CARD_VERSION}; Teams shows an error instead`);
    }
    walkActions(content, (action) => {
      const title = String(action.title ?? '');
      if (action.type === 'Action.Execute') problems.push(`"${title}": Action.Execute needs an adaptiveCard/action invoke handler`);
      if (action.type !== 'Action.Submit') return;
      const data = action.data as Record<string, unknown> | undefined;
      const msteams = data?.msteams as Record<string, unknown> | undefined;
      if (!data || typeof data !== 'object') problems.push(`"${title}": Action.Submit data must be an object with msteams messageBack`);
      else if (msteams?.type !== 'messageBack' || typeof msteams.text !== 'string') {
        problems.push(`"${title}": Action.Submit without msteams messageBack data is dropped in channels (no @mention, no text)`);
      }
    });
  } else if (attachment.contentType === 'application/vnd.microsoft.card.hero' || attachment.contentType === 'application/vnd.microsoft.card.thumbnail') {
    const buttons = (content?.buttons as Array<Record<string, unknown>> | undefined) ?? [];
    for (const button of buttons) {
      if (button.type === 'imBack' || button.type === 'postBack') {
        problems.push(`"${String(button.title ?? '')}": ${String(button.type)} button sends no @mention in channels; use messageBack`);
      }
    }
  }
  return problems;
}

function messageBackData(data: unknown): Record<string, unknown> | undefined {
  if (typeof data === 'string') return { text: data, msteams: { type: 'messageBack', text: data, displayText: data } };
  if (!data || typeof data !== 'object') return undefined;
  const obj = data as Record<string, unknown>;
  if (obj.msteams || typeof obj.text !== 'string') return undefined; // already Teams-ready, or a form submit (value only)
  return { ...obj, msteams: { type: 'messageBack', text: obj.text, displayText: obj.text } };
}

/**
 * A copy of the attachment whose buttons work in a Teams channel: imBack/postBack on hero and thumbnail
 * cards become messageBack, Adaptive Action.Submit with a text gains msteams messageBack data. A safety
 * net for cards built without submitAction(); versions above 1.5 cannot be fixed here (see teamsCardProblems).
 */
export function teamsSafeAttachment(attachment: Attachment): Attachment {
  if (attachment.contentType === ADAPTIVE && attachment.content) {
    const content = structuredClone(attachment.content) as unknown;
    walkActions(content, (action) => {
      if (action.type !== 'Action.Submit') return;
      const data = messageBackData(action.data ?? action.title);
      if (data) action.data = data;
    });
    return { ...attachment, content };
  }
  if ((attachment.contentType === 'application/vnd.microsoft.card.hero' || attachment.contentType === 'application/vnd.microsoft.card.thumbnail') && attachment.content) {
    const content = structuredClone(attachment.content) as { buttons?: Array<Record<string, unknown>> };
    content.buttons = content.buttons?.map((button) => {
      if (button.type !== 'imBack' && button.type !== 'postBack') return button;
      const text = typeof button.value === 'string' ? button.value : String(button.title ?? '');
      return { type: 'messageBack', title: button.title, text, displayText: button.title ?? text, value: { text } };
    });
    return { ...attachment, content };
  }
  return attachment;
}
