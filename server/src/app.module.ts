import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CoreModule, CoreModuleOptions } from './core/core.module';
import { AuthModule } from './auth';
import { RateLimitGuard } from './core/rate-limit';
import { HealthModule } from './health';
import { AccessGuard, PermissionsModule } from './permissions';
import { WorkspacesModule } from './workspaces';

@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions, extraImports: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        HealthModule,
        AuthModule,
        PermissionsModule,
        WorkspacesModule,
        ...extraImports,
      ],
      // The global guards, in the order every request meets them: the rate limit first, so refused
      // requests (bad credentials included) are counted too; then the one access path (who is calling,
      // and may they use this route, in this workspace). Then the validation pipe and, for any error,
      // the problem filter, both registered by CoreModule.
      providers: [
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
      ],
    };
  }
}
