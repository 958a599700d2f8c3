// Staff context. The Teams app is installed in ACTION's own tenant, so whoever writes to the bot in Teams is
// staff; trainers use the help-center web chat. Staff may run the path for a trainer ("check a trainer's
// recertification"), and the path dialog then says "their certification".
import type { Activity } from 'botbuilder';
import { isTeams } from './scope';

export function isStaffContext(activity: Partial<Activity>): boolean {
  return isTeams(activity);
}

// "a/the/this/another trainer('s)", "for someone else", "on behalf of", "a colleague's", "Maria's recert...".
const SOMEONE_ELSE: RegExp[] = [
  /\b(?:a|the|this|that|another|one of (?:our|my) )\s*(?:trainer|instructor|member|colleague|person)(?:'s|’s|s'|s)?\s+(?:recert|cert|status|expir|renew|cec)/i,
  /\b(?:for|of)\s+(?:a|the|this|that|another)\s+(?:trainer|instructor|member|colleague)\b/i,
  /\b(?:check|look up|lookup|work out|assess)\s+(?:a|the|this|that|another)\s+(?:trainer|instructor|colleague)\b/i,
  /\b(?:someone|somebody) else\b/i,
  /\bon behalf of\b/i,
  /\btheir\s+(?:recert|cert|status|expir)/i,
  /\b(?!(?:it|that|what|there|here|who|where|how|one)\b)[a-z]+(?:'s|’s)\s+(?:recert|certification|status|expiry)/i,
];

/** True when the text asks about someone else's certification rather than the writer's own. */
export function wantsSomeoneElse(text: string | undefined): boolean {
  if (!text) return false;
  return SOMEONE_ELSE.some((pattern) => pattern.test(text));
}

/** Begin options for the path dialog: for someone else only when staff ask so. */
export function pathOptionsFor(activity: Partial<Activity>, text = activity.text ?? ''): { utterance: string; forSomeoneElse: boolean } {
  return { utterance: text, forSomeoneElse: isStaffContext(activity) && wantsSomeoneElse(text) };
}
