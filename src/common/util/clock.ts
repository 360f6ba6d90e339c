import { Injectable } from '@nestjs/common';

/** The time, injected, so timer logic can be tested without waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
