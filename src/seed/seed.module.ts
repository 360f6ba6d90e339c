import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { ConfigModule } from 'src/config/config.module';
import { DatabaseModule } from 'src/database/database.module';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { PiiModule } from 'src/pii/pii.module';
import { DemoUsersSeeder } from 'src/seed/demo-users.seeder';
import { HistoryRepository } from 'src/seed/history/history.repository';
import { HistorySeeder } from 'src/seed/history/history.seeder';
import { OrgTreeSeeder } from 'src/seed/org-tree.seeder';
import { SlaPolicySeeder } from 'src/seed/sla-policy.seeder';
import { CalendarRepository } from 'src/sla/calendar.repository';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { UsersModule } from 'src/users/users.module';

/** What command-line tools (seed, user:create) need: the database and the repositories, no HTTP, no queues. */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, OrgUnitsModule, UsersModule, PiiModule],
      providers: [
        OrgTreeSeeder,
        DemoUsersSeeder,
        SlaPolicySeeder,
        SlaPolicyRepository,
        CalendarRepository,
        HistoryRepository,
        HistorySeeder,
      ],
    };
  }
}
