import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHttpApp } from 'src/app.factory';
import { loadConfig } from 'src/config/app-config';
import { readEnvironment } from 'src/config/environment';
import { buildOpenApiDocument } from 'src/openapi/openapi';

/** Writes docs/openapi.json from the compiled app (the Nest CLI plugin has filled in the schemas). */
async function main(): Promise<void> {
  const app = await createHttpApp(loadConfig({ ...readEnvironment(), LOG_LEVEL: 'warn', APP_ROLE: 'api' }));
  try {
    const document = buildOpenApiDocument(app);
    const target = join(__dirname, '..', '..', 'docs', 'openapi.json');
    writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`wrote ${target}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
