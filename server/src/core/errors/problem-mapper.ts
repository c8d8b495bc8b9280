import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '../db/database-errors';
import { FieldError, ProblemException, problemType, statusTitle } from './problem';

export interface MappedProblem {
  status: number;
  type: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** True when the cause is a defect to log with its stack, not a client mistake. */
  unexpected: boolean;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
}

/** Fastify's own client errors, reworded so they name the problem without echoing internals. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    detail: 'The request body is empty but its content type says JSON.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'content-too-large',
    detail: 'The request body is larger than this server accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    detail: 'Send request bodies as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad-request',
    detail: 'The Content-Length header does not match the body.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad-request',
    detail: 'The URL is not validly encoded.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri-too-long',
    detail: 'A path segment of the URL is too long.',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    status: 400,
    code: 'bad-request',
    detail: 'The Content-Type header is malformed.',
  },
};

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return statusTitle(exception.getStatus());
}

/** Turns anything thrown while handling a request into the content of a problem response. */
export function mapToProblem(error: unknown): MappedProblem {
  // Nest wraps Fastify's client errors in an HttpException whose cause keeps Fastify's code.
  const cause = (error instanceof HttpException ? error.cause : error) as FastifyLikeError | null | undefined;
  const known = cause?.code ? FASTIFY_CLIENT_ERRORS[cause.code] : undefined;
  if (known) {
    return {
      status: known.status,
      type: problemType(known.code),
      title: statusTitle(known.status),
      detail: known.detail,
      unexpected: false,
    };
  }
  if (error instanceof ProblemException) {
    const status = error.getStatus();
    return {
      status,
      type: problemType(error.problem.code),
      title: error.problem.title ?? statusTitle(status),
      detail: error.problem.detail,
      errors: error.problem.errors,
      extensions: error.problem.extensions,
      headers: error.problem.headers,
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const title = statusTitle(status);
    return {
      status,
      type: problemType(slug(title)),
      title,
      detail: status >= 500 ? 'The server could not complete the request.' : httpExceptionDetail(error),
      unexpected: status >= 500 && status !== 503,
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      type: problemType('database-unavailable'),
      title: 'Service unavailable',
      detail: 'The database is unreachable or overloaded right now. Retry shortly.',
      headers: { 'retry-after': '5' },
      unexpected: false,
    };
  }
  const status = cause?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const title = statusTitle(status);
    return { status, type: problemType(slug(title)), title, detail: title + '.', unexpected: false };
  }
  return {
    status: 500,
    type: problemType('internal-error'),
    title: 'Internal server error',
    detail: 'The server could not complete the request. Quote the request id when reporting it.',
    unexpected: true,
  };
}
