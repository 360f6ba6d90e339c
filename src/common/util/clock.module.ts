import { Global, Module } from '@nestjs/common';
import { Clock } from 'src/common/util/clock';

/** One Clock for the whole process: a test that replaces it moves time for commands, effects and firing alike. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
