import type { Context, MiddlewareHandler } from 'hono';
import type { AuditPorts } from '../../../domain/audit/recordAudit.js';
import { recordAudit } from '../../../domain/audit/recordAudit.js';
import type { Logger } from '../../../domain/shared/Logger.js';
import { currentCorrelationId } from '../../../adapters/system/logContext.js';
import { problem } from '../problem.js';
import { type AuditedRoute, auditedRoutes } from './auditedRoutes.js';
import { matchedRouteKey, matchedRouteParams } from './matchedRoute.js';
import { staffOf } from './staffOf.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by a bulk route: the people its answer holds (their count goes in the audit entry). */
    auditedPersons: string[];
  }
}

/**
 * [KomMed-GDPR] Writes the audit entry of every audited staff route as part of the action: a read or
 * change of one person is entered before it runs; a bulk read or export once its answer is ready and
 * before it leaves. If the entry cannot be written, the caller gets 503 and nothing else happens.
 * A caller may say why with the header `X-Audit-Purpose`.
 */
export function auditTrail(deps: AuditPorts & { logger: Logger }): MiddlewareHandler {
  return async (c, next) => {
    const action = matchedRouteKey(c);
    const audited = action ? auditedRoutes[action] : undefined;
    if (!action || !audited) return next();
    const params = matchedRouteParams(c);
    if (audited.bulk) {
      await next();
      if (c.res.status >= 300) return;
      // A route that names the people it answered with gives their count; the others give their criteria only.
      const personIds = c.get('auditedPersons');
      const criteria = { ...params, ...c.req.query() };
      const written = await write(c, action, audited, params, { personIds: personIds ?? [], ...(personIds && { count: personIds.length }), criteria }, deps);
      if (!written) c.res = unavailable(c);
      return;
    }
    if (!(await write(c, action, audited, params, { personIds: await personIdsOf(c, audited, params) }, deps))) return unavailable(c);
    await next();
  };
}

async function write(c: Context, action: string, audited: AuditedRoute, params: Record<string, string>, details: { personIds: string[]; count?: number; criteria?: Record<string, string> }, deps: AuditPorts & { logger: Logger }): Promise<boolean> {
  const purpose = c.req.header('x-audit-purpose')?.trim().slice(0, 300);
  const subjects = Object.entries(audited.subjectParams ?? {}).map(([param, kind]) => ({ kind, id: params[param] ?? '' }));
  const correlationId = currentCorrelationId();
  try {
    await recordAudit({ actor: staffOf(c).actor, action, kind: audited.kind, ...details, ...(subjects.length > 0 && { subjects }), ...(purpose && { purpose }), ...(correlationId && { correlationId }) }, deps);
    return true;
  } catch (error) {
    deps.logger.error('audit entry could not be written; the action was refused', { action, error: (error as Error).message });
    return false;
  }
}

async function personIdsOf(c: Context, audited: AuditedRoute, params: Record<string, string>): Promise<string[]> {
  const fromPath = (audited.personParams ?? []).map((param) => params[param]).filter((id): id is string => !!id);
  if (!audited.personBodyFields) return fromPath;
  const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
  const fromBody = audited.personBodyFields.map((field) => body[field]).filter((id): id is string => typeof id === 'string');
  return [...fromPath, ...fromBody];
}

function unavailable(c: Context): Response {
  return problem(c, 503, 'audit_unavailable', 'the audit log cannot be written right now, so the action was not carried out; try again shortly');
}
