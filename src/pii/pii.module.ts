import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { PiiCipher } from 'src/pii/pii-cipher';

@Global()
@Module({
  providers: [
    { provide: PiiCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PiiCipher(config.pii) },
  ],
  exports: [PiiCipher],
})
export class PiiModule {}
