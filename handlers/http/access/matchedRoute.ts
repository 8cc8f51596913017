import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { routeKey } from './permissions.js';

/**
 * `METHOD /path/:param` of the route that will answer the request, as the app registered it, or
 * undefined when only middleware matches (no such route). Hono answers with the first matching
 * route handler, so that is the one named.
 */
export function matchedRouteKey(c: Context): string | undefined {
  const route = answeringRoute(c);
  return route && routeKey(route.method, route.path);
}

function answeringRoute(c: Context) {
  return matchedRoutes(c).find((candidate) => candidate.method !== 'ALL');
}

/**
 * The path parameters of the route that will answer, read in a middleware (where Hono's own
 * `c.req.param()` holds only the middleware's parameters).
 */
export function matchedRouteParams(c: Context): Record<string, string> {
  const route = answeringRoute(c);
  if (!route) return {};
  const names: string[] = [];
  const pattern = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const values = new RegExp(`^${pattern}$`).exec(c.req.path);
  return values ? Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(values[index + 1]!)])) : {};
}
