export { ConfigModule } from './config.module';
export { loadConfig, ConfigValidationError } from './load-config';
export type { EnvSource, ConfigProblem } from './load-config';
export { loadEnvironment, ENV_FILE } from './environment';
export * from './namespaces';
export { envVariablesOf } from './env.decorator';
export type { EnvVariable } from './env.decorator';
