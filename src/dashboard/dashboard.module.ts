import { Module } from '@nestjs/common';
import { DashboardAssets } from 'src/dashboard/dashboard-assets';
import { DashboardController } from 'src/dashboard/dashboard.controller';

/** HTTP roles only: the leadership dashboard page over the reports API. */
@Module({
  controllers: [DashboardController],
  providers: [DashboardAssets],
})
export class DashboardModule {}
