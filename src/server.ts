// The HTTP surface: restify with a body limit, the Bot Framework endpoint, health, and errors mapped
// onto the catalogue so client mistakes are 4xx with a stable code, never 5xx.
import restify from 'restify';
import type { Logger } from './logger';
import { codeForRestifyError, errorCatalogue, HttpError } from './errors';

export const MAX_BODY_BYTES = 256 * 1024;

export interface Health {
  ready(): boolean;
  details(): Record<string, unknown>;
}

export function createServer(logger: Logger, health: Health): restify.Server {
  const server = restify.createServer({ name: 'action-recert-bot', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.dedupeSlashes());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: false }),
  );

  server.get('/healthz', (_req, res, next) => {
    const ready = health.ready();
    res.header('Cache-Control', 'no-store');
    res.send(ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', ...health.details() });
    next();
  });

  // Every error leaves as { code, message } with the catalogue's status.
  server.on('restifyError', (req, res, err, callback) => {
    const code = err instanceof HttpError ? err.code : codeForRestifyError(err.name, err.statusCode);
    const status = err instanceof HttpError ? err.status : errorCatalogue[code].status;
    const message = err instanceof HttpError ? err.message : errorCatalogue[code].message;
    if (status >= 500) logger.error({ err, code, route: req.getRoute()?.path }, 'request failed');
    else logger.debug({ code, status, path: req.getPath() }, 'request refused');
    if (err instanceof HttpError) for (const [k, v] of Object.entries(err.headers)) res.header(k, v);
    err.statusCode = status;
    err.toJSON = () => ({ code, message });
    err.toString = () => `${code}: ${message}`;
    return callback();
  });
  return server;
}
