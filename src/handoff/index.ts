// Wires the hand-off part: transcript logger on the adapter, interceptors on the bot, the starter for the
// main dialog, the agents' HTTP API and the timeout sweep. buildApp calls createHandoff then attach().
import { CloudAdapter, ConversationState } from 'botbuilder';
import type restify from 'restify';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Stores } from '../storage/createStores';
import { AgentDirectory } from './agents';
import { AgentInterceptor } from './agentInterceptor';
import { registerHandoffApi } from './api';
import { Proactive } from './proactive';
import { HandoffService } from './service';
import { HandoffStore } from './store';
import { TrainerInterceptor } from './trainerInterceptor';
import { KeyvTranscriptLogger, SafeTranscriptLoggerMiddleware } from './transcriptLogger';
import type { HandoffLink, HandoffStarter } from './types';

export type { HandoffStarter, HandoffRequest, HandoffStartRequest } from './types';
export { HandoffService } from './service';
export { KeyvTranscriptLogger } from './transcriptLogger';

export interface HandoffOptions {
  config: Config;
  logger: Logger;
  stores: Stores;
  conversationState: ConversationState;
  now?: () => Date;
}

export interface Handoff {
  starter: HandoffStarter;
  service: HandoffService;
  transcripts: KeyvTranscriptLogger;
  /** Agent commands first, then the trainer's relay: both run before the dialogs. */
  interceptors: [AgentInterceptor, TrainerInterceptor];
  /** Connects the adapter (proactive messages, transcript middleware), the HTTP API and the sweep. */
  attach(adapter: CloudAdapter, server: restify.Server): void;
  sweep(): Promise<number>;
  close(): Promise<void>;
}

export function createHandoff({ config, logger, stores, conversationState, now = () => new Date() }: HandoffOptions): Handoff {
  const retentionMs = config.TRANSCRIPT_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  const store = new HandoffStore(stores.storage, stores.keyv('handoff-queue'), retentionMs);
  const transcripts = new KeyvTranscriptLogger(stores.keyv('transcripts'), config.TRANSCRIPT_RETENTION_DAYS, logger, now);
  const agents = new AgentDirectory(config.AGENT_IDS, stores.keyv('handoff-agents'));
  const proactive = new Proactive(config.MicrosoftAppId ?? '', config.SUPPORT_CHANNEL_ID, stores.keyv('handoff'), logger);
  const service = new HandoffService({
    store,
    transcripts,
    agents,
    proactive,
    link: conversationState.createProperty<HandoffLink | undefined>('handoff'),
    logger,
    timeoutMinutes: config.HANDOFF_TIMEOUT_MINUTES,
    now,
  });
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;
  const sweep = () =>
    (sweeping ??= service
      .sweep()
      .catch((error: Error) => {
        logger.warn({ err: error.message }, 'hand-off: sweep failed');
        return 0;
      })
      .finally(() => (sweeping = undefined)));

  return {
    starter: service,
    service,
    transcripts,
    interceptors: [new AgentInterceptor(service, agents, proactive), new TrainerInterceptor(service)],
    attach(adapter, server) {
      proactive.attach(adapter);
      adapter.use(new SafeTranscriptLoggerMiddleware(transcripts));
      // Every Teams activity (installing the bot in the team included) says where Teams is reached from.
      adapter.use({
        onTurn: async (context, next) => {
          await proactive.learnTeams(context.activity).catch((error: Error) => logger.warn({ err: error.message }, 'hand-off: could not store the Teams endpoint'));
          await next();
        },
      });
      registerHandoffApi(server, service, config.AGENT_API_KEY);
      // A quarter of the timeout, at most a minute; unref'd so it never keeps the process alive.
      const every = Math.min(60_000, (config.HANDOFF_TIMEOUT_MINUTES * 60_000) / 4);
      timer = setInterval(() => void sweep(), every);
      timer.unref();
    },
    sweep,
    async close() {
      if (timer) clearInterval(timer);
      // botbuilder's transcript middleware does not await its writes: one landing after the store closed would
      // be lost (and on Redis would reopen the client, keeping the process alive).
      await Promise.all([sweeping, service.settled(), transcripts.settled()]);
    },
  };
}
