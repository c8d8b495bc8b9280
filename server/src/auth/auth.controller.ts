import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthConfig } from '../core/config';
import { Ctx, Public, type RequestContext, requestContextOf, RespondsWith } from '../core/http';
import { SignInRateLimit } from '../core/rate-limit';
import { AuditService } from '../audit';
import { SessionRequired } from './access.decorators';
import { AccountService, SessionInfo } from './account.service';
import { CurrentUser } from './current-principal.decorator';
import { LoginDto } from './dto/login.dto';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import type { UserPrincipal } from './principal';
import { SessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { SameOriginPolicy } from './same-origin';
import { SignInService } from './sign-in.service';
import { AuthError, authProblem } from './auth.errors';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    private readonly account: AccountService,
    private readonly cookie: SessionCookie,
    private readonly audit: AuditService,
    private readonly config: AuthConfig,
    private readonly sameOrigin: SameOriginPolicy,
    private readonly signIn: SignInService,
  ) {}

  /**
   * Signs in with email and password; always issues a fresh session (a cookie sent along is revoked).
   * A cross-site form cannot sign anyone in (login CSRF).
   */
  @Post('login')
  @Public()
  @SignInRateLimit()
  @HttpCode(200)
  @RespondsWith('SessionInfo')
  async login(
    @Body() credentials: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionInfo> {
    if (!this.sameOrigin.allows(request)) throw authProblem(AuthError.CrossSiteRequest);
    const context = requestContextOf(request);
    const userId = await this.signIn.verifyCredentials(credentials.email, credentials.password, context);
    const previous = this.cookie.read(request);
    if (previous) await this.sessions.revokeByToken(previous);
    const { token, sessionId, csrfToken } = await this.sessions.create(userId, context);
    this.cookie.set(reply, token);
    reply.header('cache-control', 'no-store');
    await this.audit.record({
      action: 'auth.signed_in',
      actor: { id: userId, kind: 'user' },
      target: { type: 'session', id: sessionId },
      context,
    });
    return this.account.sessionInfo(userId, csrfToken);
  }

  /** Who is signed in, their workspaces, and the CSRF token to send on unsafe requests. */
  @Get('session')
  @SessionRequired()
  @RespondsWith('SessionInfo')
  session(@CurrentUser() user: UserPrincipal): Promise<SessionInfo> {
    return this.account.sessionInfo(user.userId, user.csrfToken);
  }

  /** The rules new passwords must meet, for forms that check as the user types. */
  @Get('password-policy')
  @Public()
  @SkipThrottle()
  @RespondsWith('PasswordPolicy')
  passwordPolicy(): { minLength: number; maxLength: number } {
    return { minLength: this.config.passwordMinLength, maxLength: PASSWORD_MAX_LENGTH };
  }

  @Post('logout')
  @SessionRequired()
  @HttpCode(204)
  async logout(
    @CurrentUser() user: UserPrincipal,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revoke(user.userId, user.sessionId);
    this.endBrowserSession(reply);
    await this.audit.record({
      action: 'auth.signed_out',
      actor: { id: user.userId, kind: 'user' },
      target: { type: 'session', id: user.sessionId },
      context: context,
    });
  }

  /** Ends every session of the signed-in person, on every device, this one included. */
  @Post('logout-all')
  @SessionRequired()
  @HttpCode(204)
  async logoutAll(
    @CurrentUser() user: UserPrincipal,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const revoked = await this.sessions.revokeAll(user.userId);
    this.endBrowserSession(reply);
    await this.audit.record({
      action: 'auth.signed_out_everywhere',
      actor: { id: user.userId, kind: 'user' },
      target: { type: 'user', id: user.userId },
      metadata: { sessionsRevoked: revoked },
      context: context,
    });
  }

  private endBrowserSession(reply: FastifyReply): void {
    this.cookie.clear(reply);
    reply.header('clear-site-data', '"cache", "cookies", "storage"');
  }
}
