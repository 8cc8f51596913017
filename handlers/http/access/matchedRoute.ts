import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { routeKey } from './permissions.js';

/**
 * `METHOD /path/:param` of the route that will answer the request, as the app registered it, or
 * undefined when only middleware matches (no such route). Hono answers with the first matching
 * route handler, so that is the one named.
 */
export function matchedRouteKey(c: Context): string | undefined {
  const route = matchedRoutes(c).find((candidate) => candidate.method !== 'ALL');
  return route && routeKey(route.method, route.path);
}
