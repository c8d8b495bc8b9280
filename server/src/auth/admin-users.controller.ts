import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestContextOf, RespondsWith } from '../core/http';
import { PlatformAdminOnly } from './access.decorators';
import { AdminUsersService, AdminUserView } from './admin-users.service';
import { CurrentUser } from './current-principal.decorator';
import { ListUsersQuery, UserParams } from './dto/admin-users.dto';
import type { UserPrincipal } from './principal';

/** Operators of this installation: every user, and switching accounts off and on. */
@Controller('admin/users')
@PlatformAdminOnly()
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @RespondsWith('AdminUserPage')
  list(@Query() query: ListUsersQuery): Promise<{ items: AdminUserView[]; nextCursor: string | null }> {
    return this.users.list(query);
  }

  /** Disables the account; its sessions and API tokens stop working on their next request. */
  @Post(':userId/disable')
  @HttpCode(200)
  @RespondsWith('AdminUser')
  disable(
    @CurrentUser() admin: UserPrincipal,
    @Param() params: UserParams,
    @Req() request: FastifyRequest,
  ): Promise<AdminUserView> {
    return this.users.setDisabled(admin, params.userId, true, requestContextOf(request));
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @RespondsWith('AdminUser')
  enable(
    @CurrentUser() admin: UserPrincipal,
    @Param() params: UserParams,
    @Req() request: FastifyRequest,
  ): Promise<AdminUserView> {
    return this.users.setDisabled(admin, params.userId, false, requestContextOf(request));
  }
}
