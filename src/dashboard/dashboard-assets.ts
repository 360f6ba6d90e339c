import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import {
  AssetRequest,
  AssetResponse,
  assetResponse as respond,
  LoadedAsset,
  loadAsset as load,
} from 'src/common/http/static-assets';
import { DASHBOARD_LABELS } from 'src/dashboard/dashboard-labels';

// Beside this file in the sources and, copied by `nest build` (nest-cli.json "assets"), beside it in dist/.
const ASSET_DIR = join(__dirname, 'assets');

const JS = 'text/javascript; charset=utf-8';

/** The only files served: a fixed list, so a request can never name a path. */
const ASSET_FILES: Record<string, { path: string; type: string }> = {
  'dashboard.js': { path: join(ASSET_DIR, 'dashboard.js'), type: JS },
  'api.js': { path: join(ASSET_DIR, 'api.js'), type: JS },
  'charts.js': { path: join(ASSET_DIR, 'charts.js'), type: JS },
  'filters.js': { path: join(ASSET_DIR, 'filters.js'), type: JS },
  'format.js': { path: join(ASSET_DIR, 'format.js'), type: JS },
  'i18n.js': { path: join(ASSET_DIR, 'i18n.js'), type: JS },
  'views.js': { path: join(ASSET_DIR, 'views.js'), type: JS },
  'dashboard.css': { path: join(ASSET_DIR, 'dashboard.css'), type: 'text/css; charset=utf-8' },
  // Served from the installed package: no CDN (blocked or slow from mainland China, and a third party per visit).
  'echarts.min.js': { path: require.resolve('echarts/dist/echarts.min.js'), type: JS },
};

/**
 * The page holds no data, so it may be public; everything it shows comes from the reports API with the user's
 * bearer token. Scripts only from this origin (no inline script, no eval), styles only from the stylesheet (the
 * charts' own sizing is set through the CSSOM, which style-src does not govern), fetches only to this origin.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's labels as a JSON data block: `<` escaped so no value can close the script element. */
function labelsBlock(): string {
  return JSON.stringify(DASHBOARD_LABELS).replace(/</g, '\\u003c');
}

/**
 * The dashboard's page and files, read and compressed once at start: a file missing from the build fails the
 * boot, not a leader's first visit. Each answer carries an ETag, so a revisit costs a 304.
 */
@Injectable()
export class DashboardAssets {
  private readonly page: LoadedAsset;
  private readonly files: Map<string, LoadedAsset>;

  constructor() {
    const html = readFileSync(join(ASSET_DIR, 'index.html'), 'utf8').replace('{{LABELS}}', labelsBlock());
    this.page = load(Buffer.from(html), 'text/html; charset=utf-8');
    this.files = new Map(Object.entries(ASSET_FILES).map(([name, f]) => [name, load(readFileSync(f.path), f.type)]));
  }

  pageResponse(request: AssetRequest): AssetResponse {
    return respond(this.page, request, { 'content-security-policy': DASHBOARD_CSP });
  }

  assetResponse(name: string, request: AssetRequest): AssetResponse {
    const asset = this.files.get(name);
    if (!asset) throw new DomainError(ErrorCode.NotFound, 'No such dashboard file');
    return respond(asset, request, {});
  }
}
