import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS } from '../../src/auth';
import { IS_PUBLIC } from '../../src/core/http';
import { REQUIRED_PERMISSION } from '../../src/permissions';

export interface RouteEntry {
  method: string;
  path: string;
  declaration: 'public' | string | undefined;
}

const EXCLUDED_FROM_PREFIX = new Set(['/health', '/ready']);

function join(...parts: string[]): string {
  const path =
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/');
  return path;
}

/** Every route Nest serves, read from controller metadata, with what it declares about access. */
export function routeTable(app: NestFastifyApplication): RouteEntry[] {
  const reflector = app.get(Reflector);
  const entries: RouteEntry[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  for (const wrapper of controllers) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const own = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      let path = join(base, own);
      if (!EXCLUDED_FROM_PREFIX.has(path)) path = join('api', path);
      const targets = [handler, controller];
      const declaration = reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
        ? 'public'
        : (reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, targets) ??
          reflector.getAllAndOverride<string>(ACCESS, targets));
      entries.push({ method: RequestMethod[method], path, declaration });
    }
  }
  return entries;
}
