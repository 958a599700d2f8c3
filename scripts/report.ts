// `npm run report`: what the FAQ answered, what it could not, and how helpful trainers found it,
// from the feedback log in the configured store (same STORAGE as the bot).
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createStores } from '../src/storage/createStores';
import { FeedbackLog, type FeedbackSummary } from '../src/faq/feedbackLog';

export function formatSummary(s: FeedbackSummary): string {
  const lines = [
    `Answered questions:   ${s.answered}`,
    `Unanswered questions: ${s.unanswered} (low confidence, out of scope, "Did you mean" or "None of these")`,
    `Helpful rate:         ${s.helpfulRate === undefined ? 'no feedback yet' : `${(100 * s.helpfulRate).toFixed(1)} % (${s.helpful} yes / ${s.notHelpful} no)`}`,
    '',
    'Top unanswered questions:',
    ...(s.topUnanswered.length ? s.topUnanswered.map((q) => `  ${String(q.count).padStart(4)}  ${q.question}`) : ['  (none)']),
  ];
  if (s.notHelpfulEntries.length) {
    lines.push('', 'Answers marked not helpful:', ...s.notHelpfulEntries.map((e) => `  ${String(e.count).padStart(4)}  ${e.entryId}`));
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const stores = await createStores(config, logger);
  try {
    const log = new FeedbackLog(stores.keyv('feedback'), config.FEEDBACK_RETENTION_DAYS);
    console.log(`FAQ report (${stores.kind} store, last ${config.FEEDBACK_RETENTION_DAYS} days)\n`);
    console.log(formatSummary(await log.summary()));
  } finally {
    await stores.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
