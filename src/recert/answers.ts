// What the trainer told the path dialog (user state property 'pathAnswers').
import { z } from 'zod';
import { earnedViaSchema, isoDateSchema, type EarnedVia } from './assessment';

export const MAX_CECS = 50;

export const pathAnswersSchema = z.object({
  certifiedOn: isoDateSchema.optional(),
  earnedVia: earnedViaSchema.optional(),
  cecsEarned: z.number().min(0).max(MAX_CECS).optional(),
});

export type PathAnswers = z.infer<typeof pathAnswersSchema>;
export type CompleteAnswers = { certifiedOn: string; earnedVia: EarnedVia; cecsEarned: number };

export function isComplete(answers: PathAnswers | undefined): answers is CompleteAnswers {
  return !!answers && answers.certifiedOn !== undefined && answers.earnedVia !== undefined && answers.cecsEarned !== undefined;
}

/** Stored answers from an older version or a bad write are ignored rather than trusted. */
export function readAnswers(value: unknown): PathAnswers | undefined {
  const parsed = pathAnswersSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
