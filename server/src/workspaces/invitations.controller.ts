import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticateIfPresent, SessionCookie } from '../auth';
import { Ctx, Public, type RequestContext, requestContextOf, RespondsWith } from '../core/http';
import { RequirePermission, Workspace, WorkspaceContext } from '../permissions';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationParams,
  InvitationTokenParams,
  WorkspaceParams,
} from './dto/workspace.dto';
import {
  InvitationPreview,
  InvitationsService,
  InvitationView,
  IssuedInvitation,
} from './invitations.service';

@Controller('workspaces/:workspaceId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @RequirePermission('members:invite')
  @RespondsWith('InvitationList')
  list(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
  ): Promise<{ items: InvitationView[]; nextCursor: null }> {
    return this.invitations.list(ws.workspaceId);
  }

  /** Invites an email with a role you could grant; answers the link's token once. */
  @Post()
  @RequirePermission('members:invite')
  @RespondsWith('IssuedInvitation')
  create(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: CreateInvitationDto,
    @Ctx() context: RequestContext,
  ): Promise<IssuedInvitation> {
    return this.invitations.create(ws, body.email, body.role, context);
  }

  @Delete(':invitationId')
  @RequirePermission('members:invite')
  @HttpCode(204)
  revoke(
    @Param() params: InvitationParams,
    @Workspace() ws: WorkspaceContext,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.invitations.revoke(ws, params.invitationId, context);
  }

  /** Issues a new link and expiry; the previous link stops working. */
  @Post(':invitationId/resend')
  @RequirePermission('members:invite')
  @HttpCode(200)
  @RespondsWith('IssuedInvitation')
  resend(
    @Param() params: InvitationParams,
    @Workspace() ws: WorkspaceContext,
    @Ctx() context: RequestContext,
  ): Promise<IssuedInvitation> {
    return this.invitations.resend(ws, params.invitationId, context);
  }
}

@Controller('invitations')
export class InvitationAcceptanceController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly cookie: SessionCookie,
  ) {}

  /** What an invitation link offers, for the accept page; 410 once it is no longer usable. */
  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  @RespondsWith('InvitationPreview')
  preview(@Param() params: InvitationTokenParams): Promise<InvitationPreview> {
    return this.invitations.preview(params.token);
  }

  /**
   * Accepts an invitation: as the signed-in person it was sent to, or by signing up (display name and a
   * password meeting the policy), which also signs the new account in.
   */
  @Post('accept')
  @Public()
  @AuthenticateIfPresent()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @RespondsWith('AcceptedInvitation')
  async accept(
    @Body() body: AcceptInvitationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ workspaceId: string; slug: string; csrfToken?: string }> {
    const principal = request.user?.kind === 'user' ? request.user : undefined;
    const result = await this.invitations.accept(body, principal, requestContextOf(request));
    if (result.newSession) {
      this.cookie.set(reply, result.newSession.token);
      return { workspaceId: result.workspaceId, slug: result.slug, csrfToken: result.newSession.csrfToken };
    }
    return { workspaceId: result.workspaceId, slug: result.slug };
  }
}
