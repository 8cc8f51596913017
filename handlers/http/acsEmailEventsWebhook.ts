import { timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { acsEventTypes, emailReportOf, eventsOf } from '../../adapters/email/acsEmailEvents.js';
import { acceptEmailReports } from '../../domain/sending/acceptEmailReports.js';
import type { EmailReport } from '../../domain/sending/EmailReport.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { parseJsonBody } from './parseJsonBody.js';
import { problem } from './problem.js';

/** The header Event Grid's subscription adds to every delivery (a delivery attribute marked secret) holding the engine's key. */
export const eventKeyHeader = 'x-engine-event-key';

export interface AcsEventsWebhookDeps {
  key: string;
  emailReports: WorkQueue;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

const validationData = z.looseObject({ validationCode: z.string().min(1) });

/**
 * [CARE-Interactions][Rapportering1] /webhooks/acs-email: ACS Email's delivery and engagement
 * reports through an Event Grid subscription, in the Event Grid schema or CloudEvents 1.0. Answers
 * Event Grid's validation handshake (the SubscriptionValidationEvent, and the CloudEvents OPTIONS
 * request); checks the key Event Grid adds as a header; reads every event (an unknown type or a
 * malformed event refuses the whole delivery with 400, which Event Grid does not retry), queues them,
 * answers 202.
 */
export function acsEmailEventsWebhook(deps: AcsEventsWebhookDeps): Hono {
  return new Hono()
    .options('/', (c) => {
      const origin = c.req.header('webhook-request-origin');
      if (!origin) return c.body(null, 400);
      deps.logger.info('event grid CloudEvents handshake answered', { origin });
      return c.body(null, 200, { 'webhook-allowed-origin': origin, 'webhook-allowed-rate': '*' });
    })
    .post('/', async (c) => {
      const events = eventsOf(parseJsonBody(await c.req.text()));
      if (typeof events === 'string') return refused(c, 400, 'invalid_events', events, deps.logger);
      const validation = events.find((event) => event.type === acsEventTypes.subscriptionValidation);
      if (validation) {
        const data = validationData.safeParse(validation.data);
        if (!data.success) return refused(c, 400, 'invalid_events', 'the validation event has no validationCode', deps.logger);
        deps.logger.info('event grid subscription validated', { eventId: validation.id });
        return c.json({ validationResponse: data.data.validationCode });
      }
      if (!keyMatches(c.req.header(eventKeyHeader), deps.key)) return refused(c, 401, 'invalid_key', `the ${eventKeyHeader} header does not hold the engine's key`, deps.logger);
      const reports: EmailReport[] = [];
      for (const event of events) {
        const report = emailReportOf(event);
        if (typeof report === 'string') return refused(c, 400, 'unknown_event', report, deps.logger);
        reports.push(report);
      }
      const queued = await acceptEmailReports(reports, { ...deps, emailReports: deps.emailReports });
      return c.json({ accepted: queued }, 202);
    });
}

function keyMatches(given: string | undefined, key: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refused(c: Context, status: 400 | 401, code: string, detail: string, logger: Logger) {
  logger.warn('mail events refused', { source: 'acs-email', status, reason: detail });
  return problem(c, status, code, detail);
}
