// Hand-off records and the contract the main dialog uses to start one. The stored request is validated
// with zod on read so a record written by an older version (or a broken one) fails loudly, not subtly.
import type { ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { assessmentSchema, type Assessment } from '../recert/assessment';

/** What the main dialog hands over when a trainer should reach a person. */
export interface HandoffStartRequest {
  reason: 'asked' | 'unanswered' | 'lapsed';
  question?: string;
  lastUnanswered?: string;
  assessment?: Assessment;
  answers?: unknown;
}

/** Plugged into the main conversation's deps (`handoff`). */
export interface HandoffStarter {
  start(
    context: TurnContext,
    request: {
      reason: 'asked' | 'unanswered' | 'lapsed';
      question?: string;
      lastUnanswered?: string;
      assessment?: Assessment;
      answers?: unknown;
    },
  ): Promise<void>;
}

export const handoffStatuses = ['waiting', 'active', 'resolved'] as const;
export type HandoffStatus = (typeof handoffStatuses)[number];

/** One line of the recent transcript: only what an agent needs to read the conversation. */
export const transcriptEntrySchema = z.object({
  type: z.string(),
  at: z.string(),
  role: z.enum(['user', 'bot']),
  name: z.string().optional(),
  text: z.string().optional(),
  /** Content types of cards the bot showed (their content is not kept). */
  attachments: z.array(z.string()).optional(),
});
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;

export const relayMessageSchema = z.object({
  seq: z.number().int().positive(),
  from: z.enum(['trainer', 'agent']),
  text: z.string(),
  at: z.string(),
  agentName: z.string().optional(),
});
export type RelayMessage = z.infer<typeof relayMessageSchema>;

export const agentSchema = z.object({
  name: z.string(),
  /** Teams agents: their Entra object id (or channel user id); API agents have none. */
  id: z.string().optional(),
  via: z.enum(['api', 'teams', 'channel-hub']),
  claimedAt: z.string(),
});
export type AgentInfo = z.infer<typeof agentSchema>;

export const handoffRequestSchema = z.object({
  id: z.string(),
  status: z.enum(handoffStatuses),
  /** Why a resolved request ended; 'withdrawn': the trainer said "forget me", and what they told us was deleted from it. */
  outcome: z.enum(['resolved', 'cancelled', 'failed', 'withdrawn']).optional(),
  createdAt: z.string(),
  /** Wall-clock ms (sub-ms precision) breaking ties between requests created in the same millisecond. */
  queuedAt: z.number(),
  resolvedAt: z.string().optional(),
  channelId: z.string(),
  /** Where proactive messages to the trainer go (never a TurnContext kept after its turn). */
  trainer: z.custom<Partial<ConversationReference>>((v) => typeof v === 'object' && v !== null),
  trainerName: z.string().optional(),
  summary: z.object({
    reason: z.enum(['asked', 'unanswered', 'lapsed']),
    question: z.string().optional(),
    lastUnanswered: z.string().optional(),
    assessment: assessmentSchema.optional(),
    answers: z.unknown().optional(),
  }),
  transcript: z.array(transcriptEntrySchema),
  agent: agentSchema.optional(),
  messages: z.array(relayMessageSchema),
  nextSeq: z.number().int().positive(),
  /** False once the trainer went back to the bot (left a follow-up message); an agent's claim re-attaches. */
  trainerAttached: z.boolean(),
  /** Last queue position the trainer was told, so they hear only changes. */
  toldPosition: z.number().int().optional(),
  timedOutAt: z.string().optional(),
  /** Set after a timeout while the bot waits for an email address. */
  awaitingFollowUp: z.boolean().optional(),
  followUp: z
    .object({ email: z.string(), message: z.string().optional(), consentedAt: z.string() })
    .optional(),
  /** An unclear "never mind" while an agent is active: the trainer was asked whether to end the chat; the words wait here. */
  endAsked: z.object({ text: z.string(), at: z.string() }).optional(),
  /** The card posted to the support channel, for updates. */
  card: z
    .object({ conversationId: z.string(), activityId: z.string(), serviceUrl: z.string() })
    .optional(),
});
export type HandoffRequest = z.infer<typeof handoffRequestSchema>;

/** The conversation-state property (architecture: `handoff`) linking a trainer's conversation to a request. */
export interface HandoffLink {
  requestId: string;
}
