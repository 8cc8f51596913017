import { afterAll, beforeAll, expect, it } from 'vitest';
import { staffRoles } from '../../domain/access/StaffRole.js';
import { permissions, routeKey } from '../../handlers/http/access/permissions.js';
import type { LocalStack } from '../../local/stack.js';
import { startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const staffRoutes = () => [...new Set(stack.engine.http.routes.filter((route) => route.method !== 'ALL' && route.path.startsWith('/admin/')).map((route) => routeKey(route.method, route.path)))];

it('[Brugerrettigheder] the permission table names every staff route the app has, and no route it lacks', () => {
  const routes = staffRoutes();
  expect(routes.length).toBeGreaterThan(60);
  expect(routes.filter((route) => !(route in permissions))).toEqual([]);
  expect(Object.keys(permissions).filter((route) => !routes.includes(route))).toEqual([]);
});

it('[Brugerrettigheder] every route allows the Administrator and only roles the engine knows; every role has routes', () => {
  for (const [route, roles] of Object.entries(permissions)) {
    expect(roles, route).toContain('Administrator');
    expect(roles.every((role) => (staffRoles as readonly string[]).includes(role)), route).toBe(true);
  }
  for (const role of staffRoles) expect(Object.values(permissions).some((roles) => roles.includes(role)), role).toBe(true);
});
