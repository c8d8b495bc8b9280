import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Ctx, type RequestContext, RespondsWith } from '../core/http';
import { PlatformAdminOnly } from './access.decorators';
import { AdminUsersService, AdminUserView } from './admin-users.service';
import { CurrentUser } from './current-principal.decorator';
import { ListUsersQuery, UserParams } from './dto/admin-users.dto';
import type { UserPrincipal } from './principal';

/** Operators of this installation: every user, switching accounts off and on, and ending lockouts. */
@Controller('admin/users')
@PlatformAdminOnly()
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @RespondsWith('AdminUserPage')
  list(@Query() query: ListUsersQuery): Promise<{ items: AdminUserView[]; nextCursor: string | null }> {
    return this.users.list(query);
  }

  /**
   * Disables the account; its sessions and API tokens stop working on their next request. A sign-in
   * lockout ends too, so enabling the account later lets the person straight back in.
   */
  @Post(':userId/disable')
  @HttpCode(200)
  @RespondsWith('AdminUser')
  disable(
    @CurrentUser() admin: UserPrincipal,
    @Param() params: UserParams,
    @Ctx() context: RequestContext,
  ): Promise<AdminUserView> {
    return this.users.setDisabled(admin, params.userId, true, context);
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @RespondsWith('AdminUser')
  enable(
    @CurrentUser() admin: UserPrincipal,
    @Param() params: UserParams,
    @Ctx() context: RequestContext,
  ): Promise<AdminUserView> {
    return this.users.setDisabled(admin, params.userId, false, context);
  }

  /** Ends a sign-in lockout at once (and the count of failed attempts), without waiting for it to expire. */
  @Post(':userId/unlock')
  @HttpCode(200)
  @RespondsWith('AdminUser')
  unlock(
    @CurrentUser() admin: UserPrincipal,
    @Param() params: UserParams,
    @Ctx() context: RequestContext,
  ): Promise<AdminUserView> {
    return this.users.unlock(admin, params.userId, context);
  }
}
