import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { mapToProblem } from './problem-mapper';
import { ProblemException } from './problem';

describe(mapToProblem.name, () => {
  it('keeps a specific problem as thrown', () => {
    const mapped = mapToProblem(
      new ProblemException(409, { code: 'slug-taken', detail: 'That slug is taken.' }),
    );
    expect(mapped).toMatchObject({
      status: 409,
      type: 'urn:problem-type:bastion:slug-taken',
      title: 'Conflict',
    });
  });

  it('maps HTTP exceptions by status', () => {
    expect(mapToProblem(new NotFoundException('Nope'))).toMatchObject({
      status: 404,
      detail: 'Nope',
      unexpected: false,
    });
    expect(mapToProblem(new BadRequestException(['a', 'b'])).detail).toBe('a; b');
  });

  it("recognises Fastify's body errors even when Nest has wrapped them", () => {
    const fastifyError = Object.assign(new Error('Unexpected token'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    const wrapped = new HttpException('Unexpected token } in JSON at position 12', 400, {
      cause: fastifyError,
    });
    expect(mapToProblem(wrapped)).toMatchObject({
      status: 400,
      type: 'urn:problem-type:bastion:malformed-json',
    });
    expect(mapToProblem(wrapped).detail).not.toContain('position');
  });

  it('answers 503 when the database is unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const mapped = mapToProblem(refused);
    expect(mapped).toMatchObject({ status: 503, type: 'urn:problem-type:bastion:database-unavailable' });
    expect(mapped.detail).not.toContain('10.0.0.5');
  });

  it('hides everything about an unexpected error', () => {
    const mapped = mapToProblem(
      new TypeError("Cannot read properties of undefined (reading 'id') at /srv/app.js:1"),
    );
    expect(mapped).toMatchObject({ status: 500, unexpected: true });
    expect(mapped.detail).not.toMatch(/undefined|srv/);
  });

  it('does not reveal the message of a 5xx HTTP exception', () => {
    expect(mapToProblem(new HttpException('pool exhausted at db-7.internal', 502)).detail).not.toContain(
      'db-7',
    );
  });
});
