import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, AuthConfig } from '../core/config';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/; in production also Secure with the `__Host-`
 * prefix, which browsers only accept from a secure origin with no Domain attribute. Only this one cookie
 * matters to the server, so it is read straight from the header instead of parsing every cookie.
 */
@Injectable()
export class SessionCookie {
  readonly name: string;
  private readonly attributes: string;
  private readonly clearing: string;

  constructor(app: AppConfig, auth: AuthConfig) {
    const secure = app.isProduction;
    this.name = secure ? '__Host-bastion_session' : 'bastion_session';
    const common = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
    this.attributes = `${common}; Max-Age=${auth.sessionAbsoluteHours * 3600}`;
    this.clearing = `${this.name}=; ${common}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }

  /** The token, when the header holds a well-formed one; anything else counts as no cookie. */
  read(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    if (!header) return undefined;
    for (const part of header.split(';')) {
      const separator = part.indexOf('=');
      if (separator !== -1 && part.slice(0, separator).trim() === this.name) {
        const value = part.slice(separator + 1).trim();
        return TOKEN_SHAPE.test(value) ? value : undefined;
      }
    }
    return undefined;
  }

  set(reply: FastifyReply, token: string): void {
    reply.header('set-cookie', `${this.name}=${token}; ${this.attributes}`);
  }

  clear(reply: FastifyReply): void {
    reply.header('set-cookie', this.clearing);
  }
}
