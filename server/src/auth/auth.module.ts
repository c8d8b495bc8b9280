import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { ApiTokenService } from './api-token.service';
import { AuthController } from './auth.controller';
import { AuthenticationGuard } from './authentication.guard';
import { LoginGuard } from './login.guard';
import { SameOriginPolicy } from './same-origin';
import { SessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';
import { BearerStrategy } from './strategies/bearer.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { SessionStrategy } from './strategies/session.strategy';

@Module({
  imports: [PassportModule, AuditModule],
  controllers: [AuthController, AccountController, AdminUsersController],
  providers: [
    AccountService,
    AdminUsersService,
    ApiTokenService,
    LoginGuard,
    SameOriginPolicy,
    SessionCookie,
    SessionService,
    SignInService,
    BearerStrategy,
    LocalStrategy,
    SessionStrategy,
    AuthenticationGuard,
  ],
  exports: [ApiTokenService, SessionService, SessionCookie, AuthenticationGuard],
})
export class AuthModule {}
