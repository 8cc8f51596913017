import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../../domain/audit/ports.js';
import { invalidRequest } from './problem.js';

export const auditQuery = z
  .object({
    personId: z.string().min(1).max(100).optional(),
    actorId: z.string().min(1).max(100).optional(),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
    continuationToken: z.string().min(1).optional(),
  })
  .refine((query) => (query.personId === undefined) !== (query.actorId === undefined), { path: ['personId'], message: 'give exactly one of personId and actorId' });

/** [KomMed-GDPR] GET /admin/audit-log?personId=… or ?actorId=…: the audit entries about a person or by a colleague, newest first. */
export function auditLogRoutes(deps: { auditLog: AuditLog }): Hono {
  return new Hono().get('/', async (c) => {
    const query = auditQuery.safeParse(c.req.query());
    if (!query.success) return invalidRequest(c, query.error, 'query');
    const { personId, actorId, ...page } = query.data;
    return c.json(await deps.auditLog.find(personId ? { personId } : { actorId: actorId! }, page));
  });
}
