import { DynamicModule, Module, Type } from '@nestjs/common';
import { CoreModule, CoreModuleOptions } from './core/core.module';
import { AuthModule } from './auth';
import { HealthModule } from './health';
import { PermissionsModule } from './permissions';

@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions, extraImports: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(options), HealthModule, AuthModule, PermissionsModule, ...extraImports],
    };
  }
}
