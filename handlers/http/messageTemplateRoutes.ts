import { Hono } from 'hono';
import { z } from 'zod';
import { mailBlockKinds, mailLayoutNames } from '../../domain/sending/mailLayouts.js';
import { messageChannels } from '../../domain/sending/MessageTemplate.js';
import type { MessageTemplates } from '../../domain/sending/ports.js';
import type { PersonalisePorts } from '../../domain/sending/personalise.js';
import { previewTemplate } from '../../domain/sending/previewTemplate.js';
import { saveTemplate } from '../../domain/sending/saveTemplate.js';
import { sendTestMessage } from '../../domain/sending/sendTestMessage.js';
import type { SmsGateway } from '../../domain/sending/SmsGateway.js';
import type { TaxMailAudience } from '../../domain/sending/ports.js';
import type { EmailSender } from '../../domain/messaging/EmailSender.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { actorReference } from '../../domain/shared/Actor.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { actorOf } from './access/staffOf.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, pathParams } from './pathParams.js';
import { invalidRequest } from './problem.js';

const text = (max: number) => z.string().min(1).max(max);
const mailBlock = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal(mailBlockKinds[0]), text: text(300) }),
  z.strictObject({ kind: z.literal(mailBlockKinds[1]), text: text(5_000) }),
  z.strictObject({ kind: z.literal(mailBlockKinds[2]), text: text(100), url: text(2_000) }),
  z.strictObject({ kind: z.literal(mailBlockKinds[3]), url: z.url({ protocol: /^https$/ }), alt: z.string().max(300) }),
]);

export const templateBody = z.strictObject({
  name: text(200),
  team: text(100),
  channel: z.enum(messageChannels),
  landingUrl: z.url({ protocol: /^https?$/ }).optional(),
  sms: z
    .strictObject({
      sender: z.string().regex(/^(?:[A-Za-z0-9 ]{1,11}|\+?\d{3,15})$/, 'up to 11 letters and digits, or a phone number'),
      text: text(1_000),
      amountOre: z.number().int().min(100).max(150_000).optional(),
    })
    .optional(),
  email: z.strictObject({ layout: z.enum(mailLayoutNames), subject: text(300), blocks: z.array(mailBlock).min(1).max(50), plainText: text(20_000).optional() }).optional(),
});

/** `taxYear`: fill the tax placeholders from the person's statement of that year, as the December mail will. */
export const previewBody = z.strictObject({ personId: engineId, taxYear: z.number().int().min(2000).max(2100).optional() });
export const testBody = z.strictObject({ to: z.union([z.email(), z.string().regex(/^\+\d{8,15}$/, 'an E.164 phone number, e.g. +4512345678')]), personId: engineId.optional(), amountOre: z.number().int().min(100).max(150_000).optional() });

export interface TemplateRouteDeps extends PersonalisePorts {
  templates: MessageTemplates;
  persons: Pick<PersonRepository, 'get'>;
  taxMails: Pick<TaxMailAudience, 'valuesFor'>;
  smsGateway: SmsGateway;
  email: EmailSender;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/**
 * [OnlineFundraising7][CampaignAutomation10] /admin/message-templates: list, create (POST), read and
 * change (PUT /{id}) templates; POST /{id}/preview {personId} shows one person's message; POST
 * /{id}/test {to, personId?, amountOre?} sends it to a staff phone or inbox.
 */
export function messageTemplateRoutes(deps: TemplateRouteDeps): Hono {
  return new Hono()
    .get('/', async (c) => c.json({ templates: await deps.templates.list() }))
    .post('/', async (c) => {
      const body = templateBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await saveTemplate(body.data, undefined, actorReference(actorOf(c)), deps), 201);
    })
    .get('/:id', pathParams({ id: engineId }), async (c) => {
      const stored = await deps.templates.get(c.req.param('id'));
      if (!stored) throw new NotFoundError(`no template ${c.req.param('id')}`);
      return c.json(stored.value);
    })
    .put('/:id', pathParams({ id: engineId }), async (c) => {
      const body = templateBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await saveTemplate(body.data, c.req.param('id'), actorReference(actorOf(c)), deps));
    })
    .post('/:id/preview', pathParams({ id: engineId }), async (c) => {
      const body = previewBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await previewTemplate(c.req.param('id'), body.data.personId, deps, body.data.taxYear));
    })
    .post('/:id/test', pathParams({ id: engineId }), async (c) => {
      const body = testBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const { to, personId, amountOre } = body.data;
      return c.json(await sendTestMessage(c.req.param('id'), { to, ...(personId && { personId }), ...(amountOre !== undefined && { amountOre }) }, deps), 202);
    });
}
