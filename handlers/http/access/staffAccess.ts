import type { Context, MiddlewareHandler } from 'hono';
import { InvalidAccessTokenError, SignInUnavailableError } from '../../../domain/access/errors.js';
import type { AccessTokenVerifier } from '../../../domain/access/ports.js';
import { hasAnyRole } from '../../../domain/access/StaffMember.js';
import { staffMemberOf } from '../../../domain/access/staffMemberOf.js';
import type { TeamLimitStore } from '../../../domain/consent/ports.js';
import { currentTeamLimits } from '../../../domain/consent/teamLimits.js';
import type { Logger } from '../../../domain/shared/Logger.js';
import { problem } from '../problem.js';
import { matchedRouteKey } from './matchedRoute.js';
import { permissions } from './permissions.js';

export interface StaffAccessDeps {
  verifier: AccessTokenVerifier;
  teamLimits: TeamLimitStore;
  logger: Logger;
}

/**
 * [Brugerrettigheder] Every staff route: the caller shows an Entra ID access token (401 without a valid
 * one, with `WWW-Authenticate` as RFC 6750 says), holds a role the permission table allows for the
 * route (403 naming the roles that would), and is then known to the route as `staffOf(c)`.
 */
export function staffAccess(deps: StaffAccessDeps): MiddlewareHandler {
  return async (c, next) => {
    const route = matchedRouteKey(c);
    const allowed = route ? permissions[route] : undefined;
    if (!route || !allowed) return problem(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`);
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return unauthorized(c, 'staff routes need an Entra ID access token: Authorization: Bearer <token>');
    let verified;
    try {
      verified = await deps.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) return unauthorized(c, error.message, 'invalid_token');
      if (error instanceof SignInUnavailableError) {
        deps.logger.error('staff sign-in cannot be checked', { error: error.message });
        return problem(c, 503, error.code, 'sign-in cannot be checked right now; try again shortly');
      }
      throw error;
    }
    const member = staffMemberOf(verified, (await currentTeamLimits(deps)).teams);
    if (!hasAnyRole(member, allowed)) {
      deps.logger.warn('staff request forbidden', { route, actorId: member.actor.id, roles: member.roles.join(',') });
      return problem(c, 403, 'forbidden', `${route} needs one of the roles ${allowed.join(', ')}; the token holds ${member.roles.join(', ') || 'none of the engine\'s roles'}`);
    }
    c.set('staff', member);
    await next();
  };
}

function unauthorized(c: Context, message: string, error?: 'invalid_token') {
  const challenge = error ? `Bearer realm="ms-engine", error="${error}", error_description="${message.replace(/["\\]/g, "'")}"` : 'Bearer realm="ms-engine"';
  c.header('WWW-Authenticate', challenge);
  return problem(c, 401, error ?? 'unauthorized', message);
}
