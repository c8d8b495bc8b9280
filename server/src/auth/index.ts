export { hashPassword, verifyPassword, ARGON2ID_PARAMETERS } from './password-hasher';
export { UserEntity } from './user.entity';
export { SessionEntity } from './session.entity';
export { ApiTokenEntity } from './api-token.entity';
