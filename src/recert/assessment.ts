// The machine-readable result of a path check; the hand-off and agent views reuse this schema.
import { z } from 'zod';
import { isIsoDate } from './dates';

export const isoDateSchema = z.string().refine(isIsoDate, { error: 'expected a calendar date YYYY-MM-DD' });

export const earnedViaSchema = z.enum(['online-exam', 'testing-center-exam']);
export type EarnedVia = z.infer<typeof earnedViaSchema>;

export const statusSchema = z.enum(['active', 'due-soon', 'expired']);
export type Status = z.infer<typeof statusSchema>;

export const routeSchema = z.enum(['exam', 'cec']);
export type Route = z.infer<typeof routeSchema>;

export const assessmentSchema = z.object({
  certifiedOn: isoDateSchema,
  expiresOn: isoDateSchema,
  status: statusSchema,
  earnedVia: earnedViaSchema,
  cecsEarned: z.number().min(0),
  cecsRequired: z.literal(2),
  cecsNeeded: z.number().min(0),
  paths: z.array(routeSchema),
});

export type Assessment = z.infer<typeof assessmentSchema>;
