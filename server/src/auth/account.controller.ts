import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Ctx, type RequestContext, RespondsWith } from '../core/http';
import { SignInRateLimit } from '../core/rate-limit';
import { AuditService } from '../audit';
import { SessionRequired } from './access.decorators';
import { AccountService, SessionUserView } from './account.service';
import { AuthError, authProblem } from './auth.errors';
import { CurrentUser } from './current-principal.decorator';
import { ChangePasswordDto, SessionParams, UpdateProfileDto } from './dto/account.dto';
import type { UserPrincipal } from './principal';
import { SessionService, SessionView } from './session.service';

@Controller('me')
@SessionRequired()
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  @Patch()
  @RespondsWith('SessionUser')
  updateProfile(
    @CurrentUser() user: UserPrincipal,
    @Body() body: UpdateProfileDto,
    @Ctx() context: RequestContext,
  ): Promise<SessionUserView> {
    return this.account.updateProfile(user, body.displayName, context);
  }

  /**
   * Changes the password (the current one is required) and ends every other session. Checking the
   * current password is a guess like a sign-in, so the sign-in limits apply, per address and per person.
   */
  @Post('password')
  @SignInRateLimit()
  @HttpCode(204)
  async changePassword(
    @CurrentUser() user: UserPrincipal,
    @Body() body: ChangePasswordDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.account.changePassword(user, body.currentPassword, body.newPassword, context);
  }

  @Get('sessions')
  @RespondsWith('SessionList')
  async listSessions(
    @CurrentUser() user: UserPrincipal,
  ): Promise<{ items: SessionView[]; nextCursor: null }> {
    return { items: await this.sessions.list(user.userId, user.sessionId), nextCursor: null };
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async revokeSession(
    @CurrentUser() user: UserPrincipal,
    @Param() params: SessionParams,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    if (!(await this.sessions.revoke(user.userId, params.id))) throw authProblem(AuthError.SessionNotFound);
    await this.audit.record({
      action: 'session.revoked',
      actor: { id: user.userId, kind: 'user' },
      target: { type: 'session', id: params.id },
      context: context,
    });
  }
}
