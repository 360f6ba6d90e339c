import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from 'src/auth/auth.decorators';
import { AssetRequest, sendAsset } from 'src/common/http/static-assets';
import { ConsoleAssets } from 'src/console-host/console-assets';

/**
 * The staff console (docs/user-guide.md). Public because its files hold no data: it signs in with POST /auth/login
 * and calls the API with the bearer token like any client, under the same scope and rules.
 */
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  constructor(private readonly assets: ConsoleAssets) {}

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
