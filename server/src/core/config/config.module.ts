import { DynamicModule, Global, Module } from '@nestjs/common';
import { CONFIG_NAMESPACES, Configuration } from './namespaces';

/**
 * Makes each validated namespace injectable by its class, e.g. `constructor(private readonly db: DatabaseConfig)`.
 * The configuration is read once at boot and shared; nothing on the request path re-reads it.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Configuration): DynamicModule {
    const providers = (Object.keys(CONFIG_NAMESPACES) as (keyof Configuration)[]).map((key) => ({
      provide: CONFIG_NAMESPACES[key],
      useValue: config[key],
    }));
    return { module: ConfigModule, providers, exports: providers.map((p) => p.provide) };
  }
}
