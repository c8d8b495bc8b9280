import { DynamicModule, Module, Type } from '@nestjs/common';
import { CoreModule, CoreModuleOptions } from './core/core.module';
import { HealthModule } from './health';

@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions, extraImports: Type[] = []): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(options), HealthModule, ...extraImports] };
  }
}
