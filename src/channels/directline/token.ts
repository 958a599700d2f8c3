// Conversation tokens for the embedded Direct Line: HMAC-signed, bound to one conversation and one user,
// short-lived and refreshable. The key lives only in this process (conversations are in memory too).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
}

export interface TokenSigner {
  sign(claims: TokenClaims): string;
  /** The claims of a well-signed, unexpired token; undefined otherwise. */
  verify(token: string, now?: number): TokenClaims | undefined;
}

const b64 = (buf: Buffer): string => buf.toString('base64url');

export function createTokenSigner(key: Buffer = randomBytes(32)): TokenSigner {
  const mac = (payload: string): Buffer => createHmac('sha256', key).update(payload).digest();
  return {
    sign(claims) {
      const payload = b64(Buffer.from(JSON.stringify({ c: claims.conversationId, u: claims.userId, e: claims.expiresAt })));
      return `${payload}.${b64(mac(payload))}`;
    },
    verify(token, now = Date.now()) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return undefined;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const { c, u, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
        if (typeof c !== 'string' || typeof u !== 'string' || typeof e !== 'number' || e <= now) return undefined;
        return { conversationId: c, userId: u, expiresAt: e };
      } catch {
        return undefined;
      }
    },
  };
}

/** The bearer token of a request, if any. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}
