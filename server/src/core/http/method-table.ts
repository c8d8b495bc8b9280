import { Injectable } from '@nestjs/common';
import FindMyWay from 'find-my-way';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

/** Every registered route by method, so an unmatched request can be told apart as 404 or 405. */
@Injectable()
export class MethodTable {
  private readonly router = FindMyWay();

  add(method: string | string[], url: string): void {
    for (const m of Array.isArray(method) ? method : [method]) {
      if ((METHODS as readonly string[]).includes(m) && !this.router.hasRoute(m as Method, url)) {
        this.router.on(m as Method, url, () => undefined);
      }
    }
  }

  allowedMethods(url: string): string[] {
    const path = url.split('?')[0];
    return METHODS.filter((method) => this.router.find(method, path) !== null);
  }
}
