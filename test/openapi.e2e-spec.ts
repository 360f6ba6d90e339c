import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from 'src/openapi/openapi';
import { createTestApp, TestApp } from 'test/helpers/test-app';

describe('docs/openapi.json', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('is up to date with the code (run `npm run openapi` after changing the API)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8'));
    const current: unknown = JSON.parse(JSON.stringify(buildOpenApiDocument(t.app)));
    expect(current).toEqual(committed);
  });
});
