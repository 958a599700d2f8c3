// The support channel's view of a request: an Adaptive Card (1.5, what Teams renders) with the summary,
// the assessment and a Claim button; rebuilt when the request is claimed or resolved.
import { CardFactory, type Attachment } from 'botbuilder';
import { readAnswers } from '../recert/answers';
import type { HandoffRequest } from './types';

export const reasons: Record<HandoffRequest['summary']['reason'], string> = {
  asked: 'Asked for a person',
  unanswered: "The assistant couldn't answer",
  lapsed: 'Certification has lapsed',
};

export function summaryFacts(request: HandoffRequest): Array<{ title: string; value: string }> {
  const { summary } = request;
  const facts = [
    { title: 'Request', value: request.id },
    { title: 'Why', value: reasons[summary.reason] },
    { title: 'Channel', value: request.channelId },
    { title: 'Since', value: request.createdAt },
  ];
  if (summary.question) facts.push({ title: 'Asked', value: summary.question });
  if (summary.lastUnanswered) facts.push({ title: 'Unanswered', value: summary.lastUnanswered });
  const a = summary.assessment;
  if (a) {
    facts.push(
      { title: 'Status', value: a.status },
      { title: 'Certified on', value: a.certifiedOn },
      { title: 'Expires on', value: a.expiresOn },
      { title: 'Earned via', value: a.earnedVia },
      { title: 'CECs', value: `${a.cecsEarned} of ${a.cecsRequired} (needs ${a.cecsNeeded})` },
      { title: 'Paths', value: a.paths.join(', ') || 'none' },
    );
  }
  else facts.push(...partialPathFacts(request));
  if (request.followUp) {
    facts.push({ title: 'Follow up at', value: request.followUp.email });
    if (request.followUp.message) facts.push({ title: 'Their message', value: request.followUp.message });
  }
  return facts;
}

/**
 * What the trainer had told the route check when they asked for a person half-way (no assessment yet), so
 * the agent need not ask again.
 */
export function partialPathFacts(request: HandoffRequest): Array<{ title: string; value: string }> {
  const answers = readAnswers(request.summary.answers);
  if (!answers) return [];
  const facts: Array<{ title: string; value: string }> = [];
  if (answers.certifiedOn) facts.push({ title: 'Certified on', value: answers.certifiedOn });
  if (answers.earnedVia) facts.push({ title: 'Earned via', value: answers.earnedVia });
  if (answers.cecsEarned !== undefined) facts.push({ title: 'CECs', value: `${answers.cecsEarned} so far` });
  return facts;
}

function stateLine(request: HandoffRequest): string {
  if (request.status === 'waiting') return 'Waiting for an agent';
  if (request.status === 'active') return `Claimed by ${request.agent?.name ?? 'an agent'}`;
  if (request.outcome === 'withdrawn') return 'Withdrawn by the trainer (their data was deleted)';
  return request.outcome === 'cancelled' ? 'Cancelled by the trainer' : `Resolved${request.agent ? ` by ${request.agent.name}` : ''}`;
}

export function requestCard(request: HandoffRequest): Attachment {
  const actions =
    request.status === 'waiting'
      ? [
          {
            type: 'Action.Submit',
            title: 'Claim',
            data: {
              action: 'handoff.claim',
              id: request.id,
              msteams: { type: 'messageBack', text: `claim ${request.id}`, displayText: `Claim ${request.id}` },
            },
          },
        ]
      : [];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', size: 'Medium', weight: 'Bolder', text: `Hand-off ${request.id}`, wrap: true },
      { type: 'TextBlock', text: stateLine(request), wrap: true, isSubtle: true },
      { type: 'FactSet', facts: summaryFacts(request) },
    ],
    actions,
  });
}
