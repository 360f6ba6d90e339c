import { Inject, Injectable, Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { AssetRequest, AssetResponse, assetResponse, LoadedAsset, loadAsset } from 'src/common/http/static-assets';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * Scripts only from this origin (no inline script, no eval), fetches only to it. Styles also allow inline ones:
 * Element Plus positions popovers and sizes tables through style attributes.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The staff console built by Vite (`npm run build` → CONSOLE_DIR), read and compressed once at start. The files
 * served are the ones found in the build's folder, by name: a request can never name a path.
 */
@Injectable()
export class ConsoleAssets {
  private readonly logger = new Logger(ConsoleAssets.name);
  private readonly page: LoadedAsset | undefined;
  private readonly files = new Map<string, LoadedAsset>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const dir = resolve(config.console.dir);
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      this.logger.warn(`the console is not built (no ${index}); run npm run build`);
      return;
    }
    this.page = loadAsset(readFileSync(index), 'text/html; charset=utf-8');
    const assets = join(dir, 'assets');
    for (const name of existsSync(assets) ? readdirSync(assets) : []) {
      const type = TYPES[extname(name)];
      if (type !== undefined) this.files.set(name, loadAsset(readFileSync(join(assets, name)), type));
    }
  }

  pageResponse(request: AssetRequest): AssetResponse {
    if (!this.page) throw new DomainError(ErrorCode.NotFound, 'The console is not built on this server');
    return assetResponse(this.page, request, { 'content-security-policy': CONSOLE_CSP });
  }

  assetResponse(name: string, request: AssetRequest): AssetResponse {
    const asset = this.files.get(name);
    if (!asset) throw new DomainError(ErrorCode.NotFound, 'No such console file');
    // Vite names files by their content hash: a name never changes meaning, so browsers keep them.
    return assetResponse(asset, request, {}, 'public, max-age=31536000, immutable');
  }
}
