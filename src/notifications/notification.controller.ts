import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { IdParam } from 'src/common/http/id-param';
import { type Page, PageQueryDto } from 'src/common/http/page.dto';
import { NotificationDto } from 'src/notifications/notification.dto';
import { NotificationService } from 'src/notifications/notification.service';

@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  /** My notifications, newest first. */
  @Authenticated()
  @Get()
  list(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(actor, page);
  }

  @Authenticated()
  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  markRead(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<{ ok: true }> {
    return this.notifications.markRead(actor, id);
  }
}
