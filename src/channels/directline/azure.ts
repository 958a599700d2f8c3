// Production: exchange the Azure Bot Service Direct Line secret for a token bound to one new conversation,
// so the secret never reaches the browser.
import { randomBytes } from 'node:crypto';

export const AZURE_DIRECT_LINE = 'https://directline.botframework.com';

export interface TokenGrant {
  token: string;
  conversationId: string;
  expiresIn: number;
  userId: string;
  /** Direct Line 3.0 base URL the page talks to. */
  domain: string;
  webSocket: boolean;
}

export class UpstreamError extends Error {}

/** Azure requires the "dl_" prefix for user ids embedded in a token; the embedded service uses "u_". */
export function newUserId(prefix: 'dl_' | 'u_' = 'dl_'): string {
  return `${prefix}${randomBytes(12).toString('base64url')}`;
}

export async function exchangeSecret(
  secret: string,
  endpoint: string = AZURE_DIRECT_LINE,
  fetchImpl: typeof fetch = fetch,
): Promise<TokenGrant> {
  const base = endpoint.replace(/\/+$/, '');
  const userId = newUserId();
  let response: Response;
  try {
    response = await fetchImpl(`${base}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new UpstreamError(`Direct Line unreachable: ${(err as Error).name}`);
  }
  if (!response.ok) throw new UpstreamError(`Direct Line refused the token request: ${response.status}`);
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new UpstreamError('Direct Line sent no token');
  }
  return {
    token: body.token,
    conversationId: body.conversationId,
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 1800,
    userId,
    domain: `${base}/v3/directline`,
    webSocket: true,
  };
}
