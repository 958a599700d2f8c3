// Security headers for the help-center page: only our own scripts run (no inline script), Web Chat's
// runtime styles are allowed by a per-response nonce, and the page cannot be framed.
import { randomBytes } from 'node:crypto';
import type restify from 'restify';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

// React writes an empty style="" on Web Chat's send box; this hash allows exactly that empty attribute.
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export function contentSecurityPolicy(nonce: string, connectOrigins: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' 'unsafe-hashes' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    ['connect-src', "'self'", ...connectOrigins].join(' '),
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response of the page and its assets carry. */
export function setCommonHeaders(res: restify.Response): void {
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('X-Frame-Options', 'DENY');
  res.header('Cross-Origin-Opener-Policy', 'same-origin');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}
