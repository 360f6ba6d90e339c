import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from 'src/auth/auth.decorators';
import { AssetRequest, sendAsset } from 'src/common/http/static-assets';
import { DashboardAssets } from 'src/dashboard/dashboard-assets';

/**
 * The leadership dashboard: a static page and its files (docs/dashboard.md). Public because they hold no data;
 * the page signs in with POST /auth/login and reads the reports API with the bearer token like any client.
 */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly assets: DashboardAssets) {}

  @Public()
  @Get()
  page(@Headers() headers: AssetRequest, @Res() reply: FastifyReply): FastifyReply {
    return sendAsset(reply, this.assets.pageResponse(headers));
  }

  @Public()
  @Get('assets/:name')
  asset(@Param('name') name: string, @Headers() headers: AssetRequest, @Res() reply: FastifyReply): FastifyReply {
    return sendAsset(reply, this.assets.assetResponse(name, headers));
  }
}
