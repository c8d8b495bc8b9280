import { DynamicModule, Module, Type } from '@nestjs/common';
import { CoreModule, CoreModuleOptions } from './core/core.module';
import { AuthModule } from './auth';
import { HealthModule } from './health';
import { PermissionsModule } from './permissions';
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
    };
  }
}
