// The help-center page at "/", its own assets from public/, and Web Chat's standalone bundle served by path
// from node_modules (the package's "exports" hide dist/ from require.resolve). Nothing comes from a CDN.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type restify from 'restify';
import type { Links } from '../config';
import { contentSecurityPolicy, newNonce, setCommonHeaders } from './security';

export const WEBCHAT_PATH = '/vendor/webchat.js';
export const ASSETS_PATH = '/assets';

export interface WebPageOptions {
  /** Folder with index.html, styles and scripts (default: public/ at the project root). */
  publicDir?: string;
  /** Extra origins the page may connect to (Azure Direct Line); from registerDirectLine().connectOrigins. */
  connectOrigins?: string[];
  /** Operator-set links the article leaves blank; unset ones stay plain words. */
  links?: Links;
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Walks up from here to the nearest node_modules holding the package (works from src/ and dist/src/). */
export function findWebChatBundle(start: string = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('botframework-webchat/dist/webchat.js not found; run npm ci');
  }
}

function findProjectDir(start: string, marker: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, marker))) return path.join(dir, marker);
    if (path.dirname(dir) === dir) throw new Error(`${marker}/ not found`);
  }
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Turns <span data-link="KEY">words</span> into a link when the operator configured KEY. */
export function renderLinks(html: string, links: Links = {}): string {
  return html.replace(/<span data-link="(\w+)">([^<]*)<\/span>/g, (whole, key: string, words: string) => {
    const url = links[key as keyof Links];
    return url ? `<a href="${escapeHtml(url)}" rel="noopener">${words}</a>` : whole;
  });
}

export function registerWebPage(server: restify.Server, opts: WebPageOptions = {}): void {
  const publicDir = opts.publicDir ?? findProjectDir(__dirname, 'public');
  const page = renderLinks(readFileSync(path.join(publicDir, 'index.html'), 'utf8'), opts.links);
  const webChatBundle = findWebChatBundle();
  const webChatSize = statSync(webChatBundle).size;
  // Our assets are few and small: read once, serve from memory, never touch the file system per request.
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(publicDir)) {
    const type = CONTENT_TYPES[path.extname(name)];
    if (type && statSync(path.join(publicDir, name)).isFile()) assets.set(name, { body: readFileSync(path.join(publicDir, name)), type });
  }

  server.get('/', (_req, res, next) => {
    const nonce = newNonce();
    setCommonHeaders(res);
    res.header('Content-Security-Policy', contentSecurityPolicy(nonce, opts.connectOrigins));
    res.header('Cache-Control', 'no-store');
    const body = page.replace(/\{\{nonce\}\}/g, nonce);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    next();
  });

  server.get(`${ASSETS_PATH}/:name`, (req, res, next) => {
    const asset = assets.get(String(req.params.name));
    setCommonHeaders(res);
    if (!asset) {
      res.send(404, { code: 'NOT_FOUND', message: 'Not found.' });
      return next();
    }
    res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length, 'Cache-Control': 'no-cache' });
    res.end(asset.body);
    next();
  });

  // 3.9 MB raw, about 1 MB gzipped: compress once, on first use.
  let webChatGzip: Buffer | undefined;
  server.get(WEBCHAT_PATH, (req, res, next) => {
    setCommonHeaders(res);
    const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400', Vary: 'Accept-Encoding' };
    if (/\bgzip\b/.test(req.header('accept-encoding') ?? '')) {
      webChatGzip ??= gzipSync(readFileSync(webChatBundle));
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': webChatGzip.length });
      res.end(webChatGzip);
    } else {
      res.writeHead(200, { ...headers, 'Content-Length': webChatSize });
      createReadStream(webChatBundle).on('error', () => res.destroy()).pipe(res);
    }
    next();
  });
}
