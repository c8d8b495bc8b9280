import { RequestMethod } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ACCESS } from '../auth';
import { IS_PUBLIC, RESPONDS_WITH } from '../core/http';
import { REQUIRED_PERMISSION } from '../permissions';

type Class = new (...args: never[]) => object;

export interface RouteMetadata {
  method: string;
  /** Path as Nest serves it, with `:param` segments. */
  path: string;
  controller: string;
  handler: string;
  /** `public`, a permission key, or an access rule (`authenticated`, `session`, `platform-admin`). */
  declaration: string | undefined;
  successStatus: number;
  responseSchema: string | undefined;
  body: Class | undefined;
  query: Class | undefined;
  params: Class | undefined;
}

// Probes live outside the global `/api` prefix (see app.factory.ts).
const UNPREFIXED = new Set(['/health', '/ready']);

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')
  );
}

function argumentType(controller: Class, name: string, kind: RouteParamtypes): Class | undefined {
  const args: Record<string, { index: number; data?: unknown }> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) === kind && arg.data === undefined) {
      const type = types[arg.index];
      if (typeof type === 'function' && type !== Object) return type as Class;
    }
  }
  return undefined;
}

/** Every route Nest serves, read from controller metadata: the input to the OpenAPI document and to tests. */
export function routeMetadata(app: INestApplication): RouteMetadata[] {
  const reflector = app.get(Reflector);
  const routes: RouteMetadata[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  for (const wrapper of controllers) {
    const controller = wrapper.metatype as Class | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      let path = joinPath(base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''));
      if (!UNPREFIXED.has(path)) path = joinPath('api', path);
      const targets = [handler, controller];
      const declaration = reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
        ? 'public'
        : (reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, targets) ??
          reflector.getAllAndOverride<string>(ACCESS, targets));
      const verb = RequestMethod[method];
      routes.push({
        method: verb,
        path,
        controller: controller.name,
        handler: name,
        declaration,
        successStatus: Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? (verb === 'POST' ? 201 : 200),
        responseSchema: Reflect.getMetadata(RESPONDS_WITH, handler),
        body: argumentType(controller, name, RouteParamtypes.BODY),
        query: argumentType(controller, name, RouteParamtypes.QUERY),
        params: argumentType(controller, name, RouteParamtypes.PARAM),
      });
    }
  }
  return routes;
}
