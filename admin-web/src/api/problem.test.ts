import { describe, expect, it } from 'vitest';
import { describeError, isProblem, networkProblem, problemFromResponse, ProblemError } from './problem';

describe('problemFromResponse', () => {
  it('keeps the problem document and strips the type prefix into a code', () => {
    const error = problemFromResponse(
      409,
      {
        type: 'urn:problem-type:bastion:last-owner',
        title: 'Conflict',
        status: 409,
        detail: 'A workspace must keep at least one owner.',
        requestId: 'req-1',
      },
      null,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.code).toBe('last-owner');
    expect(error.status).toBe(409);
    expect(error.detail).toBe('A workspace must keep at least one owner.');
    expect(error.requestId).toBe('req-1');
    expect(isProblem(error, 'last-owner')).toBe(true);
    expect(isProblem(error, 'owner-only')).toBe(false);
  });

  it('gives the first message of each field for inline errors', () => {
    const error = problemFromResponse(
      400,
      {
        type: 'urn:problem-type:bastion:validation-failed',
        title: 'Bad Request',
        status: 400,
        detail: 'Some fields are invalid.',
        errors: [
          { field: 'slug', message: 'slug must be lowercase' },
          { field: 'slug', message: 'slug is too long' },
          { field: 'name', message: 'name is required' },
        ],
      },
      null,
    );
    expect(error.fieldMessages()).toEqual({ slug: 'slug must be lowercase', name: 'name is required' });
  });

  it('reads Retry-After in seconds and as a date', () => {
    const problem = {
      type: 'urn:problem-type:bastion:rate-limited',
      title: 'Too Many Requests',
      status: 429,
    };
    expect(problemFromResponse(429, problem, '30').retryAfterSeconds).toBe(30);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = problemFromResponse(429, problem, inTenSeconds).retryAfterSeconds ?? 0;
    expect(fromDate).toBeGreaterThanOrEqual(9);
    expect(fromDate).toBeLessThanOrEqual(11);
  });

  it('turns a body that is not a problem into one with the status', () => {
    const error = problemFromResponse(502, '<html>Bad gateway</html>', null);
    expect(error.code).toBe('unexpected-response');
    expect(error.status).toBe(502);
    expect(error.detail).toContain('502');
  });
});

describe('describeError', () => {
  it('says how long to wait when rate limited', () => {
    const problem = {
      type: 'urn:problem-type:bastion:rate-limited',
      title: 'Too Many Requests',
      status: 429,
    };
    expect(describeError(problemFromResponse(429, problem, '1'))).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(describeError(problemFromResponse(429, problem, '45'))).toBe(
      'Too many attempts. Try again in 45 seconds.',
    );
    expect(describeError(problemFromResponse(429, problem, null))).toBe(
      'Too many attempts. Wait a moment and try again.',
    );
  });

  it('uses the server detail, or a generic sentence for anything else', () => {
    expect(describeError(networkProblem())).toMatch(/could not be reached/);
    expect(describeError(new TypeError('x is undefined'))).toBe('Something went wrong. Try again.');
  });
});
