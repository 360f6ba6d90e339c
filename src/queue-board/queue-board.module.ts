import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { AuthModule } from 'src/sessions/auth.module';
import { QueueBoardController } from 'src/queue-board/queue-board.controller';
import { QueueBoardService } from 'src/queue-board/queue-board.service';

/** HTTP roles only: the board is mounted on the API's Fastify instance by mountQueueBoard. */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [QueueBoardController],
  providers: [QueueBoardService],
  exports: [QueueBoardService],
})
export class QueueBoardModule {}
