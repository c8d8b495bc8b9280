export { hashPassword, verifyPassword, ARGON2ID_PARAMETERS } from './password-hasher';
export { passwordPolicyViolations } from './password-policy';
export { UserEntity } from './user.entity';
export { SessionEntity } from './session.entity';
export { ApiTokenEntity } from './api-token.entity';
export { AuthModule } from './auth.module';
export { ApiTokenService } from './api-token.service';
export type { ApiTokenView, LiveTokenRow } from './api-token.service';
export { SessionService } from './session.service';
export type { LiveSessionRow } from './session.service';
export {
  ACCESS,
  AUTHENTICATE_IF_PRESENT,
  Authenticated,
  AuthenticateIfPresent,
  SessionRequired,
  PlatformAdminOnly,
} from './access.decorators';
export { SessionCookie } from './session-cookie';
export type { AccessDeclaration } from './access.decorators';
export { CurrentPrincipal, CurrentUser } from './current-principal.decorator';
export { AuthError, authProblem } from './auth.errors';
export type { Principal, UserPrincipal, TokenPrincipal } from './principal';
export { ensurePlatformAdmin } from './platform-admin';
export type { PlatformAdminOutcome, PlatformAdminRequest } from './platform-admin';
export { CsrfDefence } from './csrf-defence';
export { sha256 } from './secret-token';
