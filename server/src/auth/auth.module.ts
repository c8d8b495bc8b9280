import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { ApiTokenService } from './api-token.service';
import { AuthController } from './auth.controller';
import { CsrfDefence } from './csrf-defence';
import { SameOriginPolicy } from './same-origin';
import { SessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';

@Module({
  imports: [AuditModule],
  controllers: [AuthController, AccountController, AdminUsersController],
  providers: [
    AccountService,
    AdminUsersService,
    ApiTokenService,
    SameOriginPolicy,
    SessionCookie,
    SessionService,
    SignInService,
    CsrfDefence,
  ],
  exports: [ApiTokenService, SessionService, SessionCookie, CsrfDefence],
})
export class AuthModule {}
