import { Injectable } from '@nestjs/common';

/** The one source of "now" for expiry decisions, so tests can move time instead of sleeping. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
