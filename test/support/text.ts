// The text a person would read in replies: message text, card text and button titles.
import type { Activity } from 'botbuilder';
import { renderActivities } from '../../src/channels/console/render';

export function visibleText(activities: Partial<Activity>[]): string {
  const r = renderActivities(activities);
  return [...r.lines, ...r.choices.map((c) => c.title)].join('\n');
}
