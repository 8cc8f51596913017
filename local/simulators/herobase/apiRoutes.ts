import { timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { retryAfterHeader } from '../shared/faults.js';
import { type FaultResponses, injectFaults } from '../shared/injectFaults.js';
import { logRequests } from '../shared/logRequests.js';
import { heroBaseError, jsonResponse } from './heroBaseError.js';
import type { SimulatorControl } from './SimulatorControl.js';
import { closeLeadSchema, type HeroBaseLead, leadUpdateSchema, newLeadSchema } from './wire.js';

const maxPageSize = 100;

/** HeroBase's REST API as assumed (see README.md), mounted at `/api/v1`. */
export function apiRoutes(control: SimulatorControl): Hono {
  const api = new Hono();
  api.use('*', logRequests(control.log, control.settings.clock), injectFaults(control.faults, faultResponses), requireApiKey(control), rateLimited(control));

  api.get('/campaigns', (c) => {
    const page = Math.max(1, Number(c.req.query('page') ?? 1) || 1);
    const pageSize = Math.min(maxPageSize, Math.max(1, Number(c.req.query('pageSize') ?? 50) || 50));
    const all = [...control.book.campaigns.values()].sort((a, b) => a.id.localeCompare(b.id));
    const data = all.slice((page - 1) * pageSize, page * pageSize);
    const next = page * pageSize < all.length ? `/api/v1/campaigns?page=${page + 1}&pageSize=${pageSize}` : null;
    return c.json({ data, page, pageSize, totalCount: all.length, next });
  });

  api.post('/campaigns/:campaignId/leads', async (c) => {
    const campaign = control.book.campaigns.get(c.req.param('campaignId'));
    if (!campaign) return heroBaseError(404, 'campaign_not_found', `no campaign ${c.req.param('campaignId')}`);
    const body = newLeadSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return heroBaseError(400, 'invalid_lead', 'the lead is not valid', {}, body.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issue.message })));
    const existing = control.book.byExternalId(campaign.id, body.data.externalId);
    if (existing) return c.json(existing, 200);
    if (campaign.status === 'closed') return heroBaseError(409, 'campaign_closed', `campaign ${campaign.id} is closed and takes no leads`);
    const lead: HeroBaseLead = { id: control.book.nextId('lead'), campaignId: campaign.id, status: 'open', ...body.data, createdAt: control.settings.clock.now().toISOString() };
    control.book.leads.set(lead.id, lead);
    return c.json(lead, 201);
  });

  api.get('/leads/:id', (c) => {
    const lead = control.book.leads.get(c.req.param('id'));
    return lead ? c.json(lead) : heroBaseError(404, 'lead_not_found', `no lead ${c.req.param('id')}`);
  });

  api.patch('/leads/:id', async (c) => {
    const lead = control.book.leads.get(c.req.param('id'));
    if (!lead) return heroBaseError(404, 'lead_not_found', `no lead ${c.req.param('id')}`);
    const body = leadUpdateSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return heroBaseError(400, 'invalid_lead', 'the change is not valid', {}, body.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issue.message })));
    if (lead.status === 'closed') return heroBaseError(409, 'lead_closed', `lead ${lead.id} is closed`);
    const { data, ...fields } = body.data;
    const updated: HeroBaseLead = { ...lead, ...fields, data: { ...lead.data, ...data } };
    control.book.leads.set(lead.id, updated);
    return c.json(updated);
  });

  api.post('/leads/:id/close', async (c) => {
    const lead = control.book.leads.get(c.req.param('id'));
    if (!lead) return heroBaseError(404, 'lead_not_found', `no lead ${c.req.param('id')}`);
    const body = closeLeadSchema.safeParse((await c.req.json().catch(() => ({}))) ?? {});
    if (!body.success) return heroBaseError(400, 'invalid_close', 'the close request is not valid');
    if (lead.status === 'closed') return c.json(lead);
    const closed: HeroBaseLead = { ...lead, status: 'closed', closedAt: control.settings.clock.now().toISOString(), closeReason: 'api', ...(body.data.note && { closeNote: body.data.note }) };
    control.book.leads.set(lead.id, closed);
    return c.json(closed);
  });

  api.get('/tasks/:id', (c) => {
    const task = control.book.tasks.get(c.req.param('id'));
    return task ? c.json(task) : heroBaseError(404, 'task_not_found', `no task ${c.req.param('id')}`);
  });

  return api;
}

const faultResponses: FaultResponses = {
  clientClosed: () => heroBaseError(499, 'client_closed', 'the client stopped waiting'),
  fault: (fault) => (fault.body === undefined ? heroBaseError(fault.status, 'injected', 'fault injected by the simulator', retryAfterHeader(fault)) : jsonResponse(fault.status, fault.body, retryAfterHeader(fault))),
};

function requireApiKey(control: SimulatorControl): MiddlewareHandler {
  return async (c, next) => {
    const given = Buffer.from(c.req.header('x-api-key') ?? '');
    const expected = Buffer.from(control.settings.apiKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return heroBaseError(401, 'unauthorized', 'a valid X-Api-Key header is required');
    await next();
  };
}

function rateLimited(control: SimulatorControl): MiddlewareHandler {
  return async (c, next) => {
    if (!control.rateLimit.admit()) return heroBaseError(429, 'rate_limited', `more than ${control.rateLimit.requestsPerSecond} requests in a second`, { 'retry-after': '1' });
    await next();
  };
}
