import { Injectable } from '@nestjs/common';

/** Flipped once on SIGTERM/SIGINT so readiness answers 503 immediately, before connections drain. */
@Injectable()
export class ShutdownState {
  private shuttingDown = false;

  begin(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }
}
