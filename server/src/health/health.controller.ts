import { Controller, Get, Header, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public, RespondsWith } from '../core/http';
import { ShutdownState } from '../core/lifecycle/shutdown-state';
import { DatabaseHealthIndicator } from './database.health';

const LIVE = Object.freeze({ status: 'ok' });

@Controller()
@Public()
// Probes are polled by orchestrators and must never be refused for volume.
@SkipThrottle({ default: true, 'sign-in-ip': true, 'sign-in-email': true })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: DatabaseHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: answers as long as the process can serve; never touches a dependency. */
  @Get('health')
  @Header('cache-control', 'no-store')
  @RespondsWith('Liveness')
  live(): typeof LIVE {
    return LIVE;
  }

  /** Readiness: 503 while the database is unreachable or behind on migrations, or once shutdown has begun. */
  @Get('ready')
  @Header('cache-control', 'no-store')
  @RespondsWith('Readiness')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult | object> {
    try {
      return await this.health.check([
        () => {
          const process = this.indicators.check('process');
          return this.shutdown.isShuttingDown ? process.down({ message: 'shutting down' }) : process.up();
        },
        () => this.database.check(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse() as object;
    }
  }
}
