export { registerWebPage, findWebChatBundle, renderLinks, WEBCHAT_PATH, ASSETS_PATH } from './webPage';
export type { WebPageOptions } from './webPage';
export { contentSecurityPolicy } from './security';
