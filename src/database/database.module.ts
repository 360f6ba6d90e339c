import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { dataSourceOptions } from 'src/database/data-source-options';
import { DatabaseOutage } from 'src/database/database-outage';
import { DbContext } from 'src/database/db-context';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Fail fast: a service that cannot reach its database at boot should not pretend to be up.
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [DbContext, DatabaseOutage],
  exports: [DbContext, DatabaseOutage],
})
export class DatabaseModule {}
