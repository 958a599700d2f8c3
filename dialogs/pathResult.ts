// The path result as the trainer sees it: an Adaptive Card where the channel renders one, plain text
// otherwise; always with the machine-readable assessment in channelData.assessment.
import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { Links } from '../src/config';
import type { Assessment } from '../src/recert/assessment';
import { daysBetween, formatLongDate } from '../src/recert/dates';
import { formatCecs } from '../src/recert/cecText';

/** Channels that render Adaptive Cards; every other channel (terminal, SMS, tests) gets plain text. */
export const ADAPTIVE_CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'directlinespeech', 'emulator']);

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return !!channelId && ADAPTIVE_CARD_CHANNELS.has(channelId);
}

/** You/your, or they/their when Teams staff check someone else's certification. */
export interface Wording {
  you: string;
  your: string;
  Your: string;
  youHave: string;
  youWere: string;
  wereYou: string;
  haveYou: string;
}

export function wordingFor(forSomeoneElse = false): Wording {
  return forSomeoneElse
    ? { you: 'they', your: 'their', Your: 'Their', youHave: 'they have', youWere: 'they were', wereYou: 'were they', haveYou: 'have they' }
    : { you: 'you', your: 'your', Your: 'Your', youHave: 'you have', youWere: 'you were', wereYou: 'were you', haveYou: 'have you' };
}

const EXAM_NAMES = { 'online-exam': 'the online exam', 'testing-center-exam': 'the testing-center (NCCA) exam' } as const;

export function examName(earnedVia: Assessment['earnedVia']): string {
  return EXAM_NAMES[earnedVia];
}


/** Days before the expiry from which the result offers a person (the route's steps may not fit the time left). */
export const SHORT_NOTICE_DAYS = 30;

/** The requirement as the article writes it: "2.0 CECs". */
const REQUIRED = '2.0';

export interface ResultSection {
  title: string;
  lines: string[];
}

export interface ResultContent {
  headline: string;
  facts: Array<{ title: string; value: string }>;
  sections: ResultSection[];
  links: Array<{ title: string; url: string }>;
}

function statusWords(a: Assessment, today: string): string {
  if (a.status === 'expired') return `expired on ${formatLongDate(a.expiresOn)}`;
  if (a.status === 'due-soon') {
    const days = daysBetween(today, a.expiresOn);
    return days === 0 ? 'due now: it expires today' : `due soon: it expires in ${days} day${days === 1 ? '' : 's'}`;
  }
  return 'active';
}

/** What the result says, independent of how it is drawn. Links only from configuration, never invented. */
export function resultContent(a: Assessment, links: Links, today: string, w: Wording = wordingFor()): ResultContent {
  const facts = [
    { title: 'Certified on', value: formatLongDate(a.certifiedOn) },
    { title: 'Expires on', value: formatLongDate(a.expiresOn) },
    { title: 'Status', value: statusWords(a, today) },
    { title: 'Exam taken', value: examName(a.earnedVia) },
    { title: 'CECs earned', value: `${formatCecs(a.cecsEarned)} of ${REQUIRED}` },
    { title: 'CECs still needed', value: formatCecs(a.cecsNeeded) },
  ];
  const configured: Array<{ title: string; url: string }> = [];
  const portal = links.PORTAL_URL;
  const guide = links.GUIDE_URL;
  const upload = links.UPLOAD_URL;

  if (a.status === 'expired') {
    // The article's 2.0 CECs and routes are for recertifying within the two-year window; it says nothing about a
    // lapsed certification, so no requirement, "still needed" or route is stated for one (channelData keeps the
    // assessment as computed, for the agent).
    return {
      headline: `${w.Your} certification expired on ${formatLongDate(a.expiresOn)}.`,
      facts: [
        { title: 'Certified on', value: formatLongDate(a.certifiedOn) },
        { title: 'Expired on', value: formatLongDate(a.expiresOn) },
        { title: 'Status', value: 'expired (lapsed)' },
        { title: 'Exam taken', value: examName(a.earnedVia) },
        { title: 'CECs earned', value: formatCecs(a.cecsEarned) },
      ],
      sections: [
        {
          title: 'Lapsed certification',
          lines: [
            `The help article doesn't cover lapsed certifications: it doesn't say what ${w.you} need to do once a certification has expired, so I can't give a route, say how many CECs would count or say whether an exam applies.`,
            'A person from our support team can help with this.',
          ],
        },
      ],
      links: [],
    };
  }

  const sections: ResultSection[] = [];
  const daysLeft = daysBetween(today, a.expiresOn);
  // With the CECs already in hand the CEC route is nearly done (the application is left): it comes first.
  const cecsDone = a.paths.includes('cec') && a.cecsNeeded === 0;
  const both = a.paths.includes('exam') && a.paths.includes('cec');
  const examNumber = cecsDone ? 2 : 1;
  if (a.paths.includes('exam')) {
    sections.push({
      // The article's own words for this route ("a big savings in time and money"), not a ranking of ours.
      title: `Route ${examNumber}: recertify by exam (a big saving in time and money)`,
      lines: [
        `Because ${w.youHave} passed the online exam, ${w.you} can recertify by taking the NCCA-accredited exam at a testing center.`,
        `Passing it upgrades ${w.your} certificate to full certification, valid for a further two years.`,
        `On this route there is no recertification application, the recertification fee is waived and no CECs are needed.`,
      ],
    });
  }
  if (a.paths.includes('cec')) {
    const needed =
      a.cecsNeeded > 0
        ? `Earn ${REQUIRED} CECs within ${w.your} two-year window: ${w.youHave} ${formatCecs(a.cecsEarned)}, so ${formatCecs(a.cecsNeeded)} still needed.`
        : `${w.Your} ${formatCecs(a.cecsEarned)} CECs cover the ${REQUIRED} needed, provided they were earned within ${w.your} two-year window.`;
    const classes = portal
      ? `The list of CEC classes from ACTION and its partners is on ${w.your} portal: ${portal}`
      : `The list of CEC classes from ACTION and its partners is on ${w.your} ACTION portal (the article doesn't give its address; a person can point ${w.you} to it).`;
    const guideLine = guide
      ? `Submit the recertification application; the Recertification Guide has the full requirements and process: ${guide}`
      : `Submit the recertification application; the Recertification Guide has the full requirements and process (ask the support team for it).`;
    const uploadLine = upload
      ? `Save the application and all documents with ${w.your} name in the file name and upload them at ${upload} with the access code "recertification".`
      : `Save the application and all documents with ${w.your} name in the file name and upload them with the access code "recertification" (the article doesn't give the upload address; a person can tell ${w.you} where).`;
    const title = both ? `Route ${cecsDone ? 1 : 2}: recertify by CECs` : 'Route: recertify by CECs';
    // The article's advice of a program every two to three months is for the whole window, not the last weeks.
    const pace =
      a.status === 'due-soon'
        ? 'All CECs earned within the two-year window count toward the current recertification application.'
        : 'Take at least one program (self-study or online class) every two to three months; all CECs earned within the two-year window count toward the current recertification application.';
    const cecSection: ResultSection = {
      title: cecsDone && both ? `${title} (nearly done: ${w.youHave} the CECs, so the application is what's left)` : title,
      lines: [
        ...(a.paths.includes('exam')
          ? []
          : [`${w.Your} certification came from the testing-center exam, and NCCA guidelines don't allow recertifying by taking the same exam twice, so CECs are the route.`]),
        needed,
        pace,
        ...(cecsDone ? [] : [classes]),
        guideLine,
        uploadLine,
      ],
    };
    if (cecsDone) sections.unshift(cecSection);
    else sections.push(cecSection);
  }
  if (a.status === 'due-soon' && daysLeft <= SHORT_NOTICE_DAYS) {
    sections.push({
      title: 'Short on time?',
      lines: [
        `With ${daysLeft === 0 ? 'the expiry today' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`}, a person from our support team can help ${w.you} with the next steps: say "talk to a person".`,
      ],
    });
  }
  if (portal) configured.push({ title: 'CEC classes (portal)', url: portal });
  if (guide) configured.push({ title: 'Recertification Guide', url: guide });
  if (upload) configured.push({ title: 'Upload documents', url: upload });

  const dueToday = a.status === 'due-soon' && daysBetween(today, a.expiresOn) === 0;
  const status = a.status === 'due-soon' && !dueToday ? ' It is due soon: recertify before then.' : '';
  return {
    headline: dueToday
      ? `${w.Your} certification expires today, ${formatLongDate(a.expiresOn)}.${status}`
      : `${w.Your} certification expires on ${formatLongDate(a.expiresOn)}.${status}`,
    facts,
    sections,
    links: configured,
  };
}

export function resultText(content: ResultContent): string {
  const facts = content.facts.map((f) => `- ${f.title}: ${f.value}`).join('\n');
  const sections = content.sections.map((s) => `${s.title}\n${s.lines.map((l) => `- ${l}`).join('\n')}`).join('\n\n');
  return `${content.headline}\n\n${facts}\n\n${sections}`;
}

export function resultCard(content: ResultContent): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    fallbackText: resultText(content),
    speak: content.headline,
    body: [
      { type: 'TextBlock', text: content.headline, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: content.facts },
      ...content.sections.map((s) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: s.title, weight: 'Bolder', wrap: true },
          ...s.lines.map((l) => ({ type: 'TextBlock', text: `- ${l}`, wrap: true, spacing: 'Small' })),
        ],
      })),
    ],
    actions: content.links.map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url })),
  };
}

/**
 * The result message: the card alone on card channels (its bold headline is the first thing read; a text beside it
 * showed the headline twice in Web Chat), the full text elsewhere; the assessment in channelData either way.
 */
export function resultActivity(
  assessment: Assessment,
  links: Links,
  today: string,
  channelId: string | undefined,
  w: Wording = wordingFor(),
): Partial<Activity> {
  const content = resultContent(assessment, links, today, w);
  const channelData = { assessment };
  if (supportsAdaptiveCards(channelId)) {
    return {
      type: ActivityTypes.Message,
      // summary: the headline for whatever lists messages without drawing cards (Web Chat does not show it).
      summary: content.headline,
      attachments: [CardFactory.adaptiveCard(resultCard(content))],
      channelData,
    };
  }
  return { type: ActivityTypes.Message, text: resultText(content), channelData };
}
