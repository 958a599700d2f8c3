// Renders outgoing activities as plain text for a terminal: message text, card text, and every button
// as a numbered choice the user can pick by typing its number.
import type { Activity, Attachment, CardAction } from 'botbuilder';

export interface Rendered {
  lines: string[];
  choices: { title: string; value: string }[];
}

function actionValue(action: Partial<CardAction> & { data?: unknown }): string {
  if (typeof action.value === 'string') return action.value;
  const data = (action.data ?? action.value) as Record<string, unknown> | undefined;
  if (data && typeof data === 'object') {
    const msteams = data.msteams as Record<string, unknown> | undefined;
    if (typeof msteams?.text === 'string') return msteams.text;
    if (typeof data.text === 'string') return data.text;
  }
  return String(action.title ?? '');
}

/** Walks an Adaptive Card body collecting the text a person would read and the buttons. */
function renderAdaptive(node: unknown, out: Rendered): void {
  if (Array.isArray(node)) return node.forEach((n) => renderAdaptive(n, out));
  if (!node || typeof node !== 'object') return;
  const el = node as Record<string, unknown>;
  if (el.type === 'TextBlock' && typeof el.text === 'string') out.lines.push(el.text);
  if (el.type === 'FactSet' && Array.isArray(el.facts)) {
    for (const f of el.facts as { title: string; value: string }[]) out.lines.push(`  ${f.title} ${f.value}`);
  }
  if (el.type === 'RichTextBlock' && Array.isArray(el.inlines)) {
    out.lines.push((el.inlines as { text?: string }[]).map((i) => i.text ?? '').join(''));
  }
  if (typeof el.type === 'string' && el.type.startsWith('Action.') && typeof el.title === 'string') {
    if (el.type === 'Action.OpenUrl') out.lines.push(`  ${el.title}: ${el.url}`);
    else out.choices.push({ title: el.title, value: actionValue(el as Partial<CardAction>) });
  }
  for (const key of ['body', 'items', 'columns', 'actions', 'card']) renderAdaptive(el[key], out);
}

function renderAttachment(attachment: Attachment, out: Rendered): void {
  const content = attachment.content as Record<string, unknown> | undefined;
  if (!content) return;
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') return renderAdaptive(content, out);
  for (const key of ['title', 'subtitle', 'text']) if (typeof content[key] === 'string') out.lines.push(content[key] as string);
  for (const button of (content.buttons as CardAction[] | undefined) ?? []) {
    if (button.type === 'openUrl') out.lines.push(`  ${button.title}: ${button.value}`);
    else out.choices.push({ title: button.title, value: actionValue(button) });
  }
}

export function renderActivities(activities: Partial<Activity>[]): Rendered {
  const out: Rendered = { lines: [], choices: [] };
  for (const activity of activities) {
    if (activity.type && activity.type !== 'message') continue;
    if (activity.text) out.lines.push(activity.text);
    for (const attachment of activity.attachments ?? []) renderAttachment(attachment, out);
    for (const action of activity.suggestedActions?.actions ?? []) {
      out.choices.push({ title: action.title, value: actionValue(action) });
    }
  }
  return out;
}
