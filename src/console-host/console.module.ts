import { Module } from '@nestjs/common';
import { ConsoleAssets } from 'src/console-host/console-assets';
import { ConsoleController } from 'src/console-host/console.controller';

/** HTTP roles only: the staff console's built files (src/console, built by Vite). */
@Module({
  controllers: [ConsoleController],
  providers: [ConsoleAssets],
})
export class ConsoleModule {}
