export { registerDirectLine, DIRECT_LINE_PATH, TOKEN_PATH } from './routes';
export type { DirectLineOptions, DirectLineService } from './routes';
export { ConversationStore } from './store';
export { createTokenSigner } from './token';
