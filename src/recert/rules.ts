// The help article's recertification rules, and nothing else. Pure: no I/O, no clock.
import { assessmentSchema, type Assessment, type EarnedVia, type Route, type Status } from './assessment';
import { addYears, daysBetween } from './dates';

export { todayIn } from './dates';

/** "ACTION Certification Trainers need to renew their certification every two years." */
export const CERTIFICATION_YEARS = 2;
/** "ACTION Certification requires Personal Trainers to obtain 2.0 CECs." */
export const CECS_REQUIRED = 2 as const;
/** Issue 4: "due soon" when the expiry is within 90 days. */
export const DUE_SOON_DAYS = 90;

export function expiresOnFor(certifiedOn: string): string {
  return addYears(certifiedOn, CERTIFICATION_YEARS);
}

export function certifiedOnFor(expiresOn: string): string {
  return addYears(expiresOn, -CERTIFICATION_YEARS);
}

/**
 * max(0, 2.0 − earned), to the hundredth the CEC answer is read to (checkCecs): exact for quarter credits
 * (0.75 earned → 1.25 needed, not 1.3) without floating-point tails such as 0.30000000000000004.
 */
export function cecsNeeded(cecsEarned: number): number {
  const needed = Math.round((CECS_REQUIRED - cecsEarned) * 100) / 100;
  return needed > 0 ? needed : 0;
}

export function statusOn(expiresOn: string, today: string): Status {
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) return 'expired';
  return daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'active';
}

/**
 * Exam route: only for a credential from the online exam (NCCA: not the same exam twice).
 * Lapsed certifications: the article does not cover them, so no route is offered.
 */
export function pathsFor(earnedVia: EarnedVia, status: Status): Route[] {
  if (status === 'expired') return [];
  return earnedVia === 'online-exam' ? ['exam', 'cec'] : ['cec'];
}

export interface AssessInput {
  certifiedOn: string;
  earnedVia: EarnedVia;
  cecsEarned: number;
  today: string;
}

export function assess({ certifiedOn, earnedVia, cecsEarned, today }: AssessInput): Assessment {
  const expiresOn = expiresOnFor(certifiedOn);
  const status = statusOn(expiresOn, today);
  return assessmentSchema.parse({
    certifiedOn,
    expiresOn,
    status,
    earnedVia,
    cecsEarned,
    cecsRequired: CECS_REQUIRED,
    cecsNeeded: cecsNeeded(cecsEarned),
    paths: pathsFor(earnedVia, status),
  });
}
