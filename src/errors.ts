// Error catalogue: every error the HTTP surface returns has a stable code clients and tests can rely on.
export const errorCatalogue = {
  BAD_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  BAD_ACTIVITY: { status: 400, message: 'The request body is not a valid Bot Framework activity.' },
  BAD_REQUEST: { status: 400, message: 'The request is not valid.' },
  UNAUTHORIZED: { status: 401, message: 'Missing or invalid credentials.' },
  FORBIDDEN: { status: 403, message: 'Not allowed.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed on this path.' },
  CONFLICT: { status: 409, message: 'The resource was changed by someone else.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send application/json.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; retry later.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  NOT_READY: { status: 503, message: 'The service is starting or shutting down.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class HttpError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message?: string, readonly headers: Record<string, string> = {}) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
  }
  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Maps restify's own errors (body parser, router) onto the catalogue. */
export function codeForRestifyError(name: string | undefined, status: number | undefined): ErrorCode {
  switch (name) {
    case 'InvalidContentError':
    case 'BadRequestError':
      return 'BAD_JSON';
    case 'PayloadTooLargeError':
    case 'RequestEntityTooLargeError':
      return 'BODY_TOO_LARGE';
    case 'ResourceNotFoundError':
      return 'NOT_FOUND';
    case 'MethodNotAllowedError':
      return 'METHOD_NOT_ALLOWED';
    case 'UnsupportedMediaTypeError':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default: {
      const byStatus = (Object.keys(errorCatalogue) as ErrorCode[]).find((c) => errorCatalogue[c].status === status);
      return byStatus ?? 'INTERNAL';
    }
  }
}
