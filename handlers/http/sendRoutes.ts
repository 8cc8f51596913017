import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type SendAction, changeSendStatus } from '../../domain/sending/changeSendStatus.js';
import { type CreateSendPorts, createSend } from '../../domain/sending/createSend.js';
import { currentSendingSettings, replaceSendingSettings } from '../../domain/sending/currentSendingSettings.js';
import { messageChannels } from '../../domain/sending/MessageTemplate.js';
import { outcomeOf } from '../../domain/sending/OutboundMessage.js';
import type { OutboundMessages, SendingSettingsStore } from '../../domain/sending/ports.js';
import { sendProgress } from '../../domain/sending/sendProgress.js';
import { actorReference } from '../../domain/shared/Actor.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { actorOf, staffOf } from './access/staffOf.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, pathParams } from './pathParams.js';
import { invalidRequest, problem } from './problem.js';

export const sendBody = z.strictObject({
  name: z.string().min(1).max(200),
  templateId: engineId,
  audience: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('person'), personId: engineId }),
    z.strictObject({ kind: z.literal('segment'), segmentId: engineId }),
    /** [Skatteindberetning] The December mails: those with something reported for the year, with or without a CPR number. */
    z.strictObject({ kind: z.literal('tax-year'), year: z.number().int().min(2000).max(2100), cpr: z.enum(['known', 'missing']) }),
  ]),
  /** One of the caller's own teams; the caller's only team when left out. */
  team: z.string().min(1).max(100).optional(),
  topic: z.string().min(1).max(40).optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const rate = z.strictObject({ perMinute: z.number().int().min(1).max(100_000), perHour: z.number().int().min(1).max(10_000_000).optional() });
export const sendingSettingsBody = z.strictObject({
  rates: z.strictObject({ email: rate, sms: rate }),
  caps: z.array(z.strictObject({ channel: z.enum(messageChannels), max: z.number().int().min(1).max(1_000), periodDays: z.number().int().min(1).max(366) })).max(20),
  smsQuietHours: z.strictObject({ from: clock, until: clock }),
  mailSenders: z.record(z.string().min(1).max(100), z.email()),
});

export interface SendRouteDeps extends CreateSendPorts {
  messages: OutboundMessages;
  sendingSettings: SendingSettingsStore;
}

/**
 * [CampaignAutomation10] /admin/sends: list and create sends (planned by a job, then sent by the
 * sender); GET /{id} its progress; POST /{id}/pause|resume|cancel.
 */
export function sendRoutes(deps: SendRouteDeps): Hono {
  const action = (name: SendAction) => async (c: Context) => c.json(await changeSendStatus(c.req.param('id')!, name, deps));
  return new Hono()
    .get('/', async (c) => c.json({ sends: await deps.sends.recent(100) }))
    .post('/', async (c) => {
      const body = sendBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const teams = staffOf(c).teams;
      const team = body.data.team ?? (teams.length === 1 ? teams[0] : undefined);
      if (!team) return problem(c, 400, 'team_required', 'name the team the send is for (you are in several, or none)');
      if (!teams.includes(team)) return problem(c, 403, 'not_your_team', `you are not in team ${team}`);
      const { team: _given, ...request } = body.data;
      return c.json(await createSend({ ...request, team }, actorReference(actorOf(c)), deps), 202);
    })
    .get('/:id', pathParams({ id: engineId }), async (c) => c.json(await sendProgress(c.req.param('id'), deps)))
    .post('/:id/pause', pathParams({ id: engineId }), action('pause'))
    .post('/:id/resume', pathParams({ id: engineId }), action('resume'))
    .post('/:id/cancel', pathParams({ id: engineId }), action('cancel'));
}

/** [CampaignAutomation10] GET/PUT /admin/sending/settings: rates, caps, SMS quiet hours, mail senders per team. */
export function sendingSettingsRoutes(deps: { sendingSettings: SendingSettingsStore; clock: CreateSendPorts['clock'] }): Hono {
  return new Hono()
    .get('/settings', async (c) => c.json(await currentSendingSettings(deps)))
    .put('/settings', async (c) => {
      const body = sendingSettingsBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceSendingSettings(body.data, deps));
    });
}

/** [OnlineFundraising7] GET /admin/persons/{id}/messages: every message to the person and what became of it. */
export function personMessagesRoute(deps: { messages: OutboundMessages; persons: Pick<PersonRepository, 'get'> }): Hono {
  return new Hono().get('/:id/messages', pathParams({ id: engineId }), async (c) => {
    if (!(await deps.persons.get(c.req.param('id')))) throw new NotFoundError(`no person ${c.req.param('id')}`);
    const messages = await deps.messages.ofPerson(c.req.param('id'));
    return c.json({ messages: messages.map((message) => ({ ...message, outcome: outcomeOf(message) })) });
  });
}
