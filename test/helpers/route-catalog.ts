import { appRoutes } from '@bull-board/api/dist/routes';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { PUBLIC_ROUTE, ROUTE_ROLES } from 'src/auth/auth.decorators';
import { Role } from 'src/auth/role';
import { QUEUE_BOARD_PATH } from 'src/queue-board/board-cookie';

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

/**
 * The Bull Board's Fastify-native routes (page, API, an asset), which Nest's metadata does not list: every one is
 * behind the board's admin check.
 */
export function queueBoardRoutes(): { method: string; path: string }[] {
  const toList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
  const routes = [appRoutes.entryPoint, ...appRoutes.api].flatMap((route) =>
    toList(route.method).flatMap((method) =>
      toList(route.route).map((path) => ({ method: method.toUpperCase(), path: `${QUEUE_BOARD_PATH}${path}` })),
    ),
  );
  return [...routes, { method: 'GET', path: `${QUEUE_BOARD_PATH}/static/favicon-32x32.png` }];
}
