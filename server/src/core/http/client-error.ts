import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemType } from '../errors/problem';
import { baseSecurityHeaders } from './security-headers';

/**
 * Answers requests Node's HTTP parser rejects before Fastify sees them (oversized headers or URL,
 * malformed request lines) with the same problem+json and security headers as every other error,
 * instead of a bare status line.
 */
export function clientErrorResponder(hsts: boolean) {
  const headers = Object.entries(baseSecurityHeaders(hsts))
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (!socket.writable) return;
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const requestId = randomUUID();
    const body = JSON.stringify({
      type: problemType(
        status === 431 ? 'headers-too-large' : status === 408 ? 'request-timeout' : 'bad-request',
      ),
      title: STATUS_CODES[status],
      status,
      detail:
        status === 431 ? 'The request line or headers are too large.' : 'The request could not be parsed.',
      instance: '',
      requestId,
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n${headers}connection: close\r\n\r\n${body}`,
    );
  };
}
