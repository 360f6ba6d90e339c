import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { PUBLIC_ROUTE, ROUTE_ROLES } from 'src/auth/auth.decorators';
import { Role } from 'src/auth/role';

export interface RouteInfo {
  method: string;
  path: string;
  isPublic: boolean;
  /** undefined: no @Authenticated; []: any authenticated user. */
  roles: Role[] | undefined;
  name: string;
}

function join(...parts: string[]): string {
  return `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** Every HTTP route of the running app, read from the controllers' own metadata. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const handler = proto[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const read = (meta: symbol): unknown =>
          Reflect.getMetadata(meta, handler) ?? Reflect.getMetadata(meta, controller);
        routes.push({
          method: RequestMethod[method],
          path: join(base ?? '', path),
          isPublic: read(PUBLIC_ROUTE) === true,
          roles: read(ROUTE_ROLES) as Role[] | undefined,
          name: `${controller.name}.${key}`,
        });
      }
    }
  }
  return routes;
}

/** A concrete URL for a route pattern: every `:param` becomes a well-formed id that matches nothing. */
export function concretePath(path: string): string {
  return path.replace(/:[A-Za-z]+/g, '6c1f0d0e-3b1a-4c1e-9a57-2f0d0c7b9e11');
}
