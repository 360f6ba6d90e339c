import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppConfig, loadConfig } from 'src/config/app-config';
import { ConfigModule } from 'src/config/config.module';
import { readEnvironment } from 'src/config/environment';
import { DatabaseModule } from 'src/database/database.module';
import { PartyKeyRotation } from 'src/parties/party-key-rotation.service';
import { PartyRepository } from 'src/parties/party.repository';
import { PiiModule } from 'src/pii/pii.module';

@Module({})
class RotationModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RotationModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, PiiModule],
      providers: [PartyRepository, PartyKeyRotation],
    };
  }
}

/**
 * `npm run pii:rotate [-- --reindex]`: after adding a key to PII_KEYS and making it active, re-encrypts what the old
 * key wrote; with --reindex (after changing PII_HMAC_KEY), recomputes the blind indexes. See docs/security.md.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { reindex: { type: 'boolean', default: false } } });
  const config = loadConfig(readEnvironment());
  const app = await NestFactory.createApplicationContext(RotationModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const summary = await app.get(PartyKeyRotation).run({ reindex: values.reindex });
    process.stdout.write(
      `[pii:rotate] active key ${config.pii.activeKeyId}: ${summary.scanned} parties with personal data, ` +
        `${summary.rewritten} rewritten, ${summary.skipped} changed meanwhile (left as they are)\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
