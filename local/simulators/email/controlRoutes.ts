import { Hono } from 'hono';
import { z } from 'zod';
import { addCommonControlRoutes } from '../shared/commonControlRoutes.js';
import { issueSummary } from '../shared/issueSummary.js';
import { jsonBody } from '../shared/jsonBody.js';
import { acsError } from './acsError.js';
import type { SimulatorControl } from './SimulatorControl.js';

const failingRecipientsSchema = z.object({ pattern: z.string().min(1).nullable() });
const statusProgressSchema = z.object({
  runningReads: z.number().int().nonnegative().optional(),
  retryAfterSeconds: z.number().int().nonnegative().nullable().optional(),
});

const subscriptionSchema = z.object({ url: z.url(), schema: z.enum(['EventGrid', 'CloudEvents']).default('EventGrid'), header: z.object({ name: z.string().min(1), value: z.string().min(1) }) });
const bounceSchema = z.object({ status: z.enum(['Bounced', 'Failed', 'Suppressed', 'FilteredSpam', 'Quarantined']), statusMessage: z.string().min(1).max(500) });
const engagementSchema = z.object({ type: z.enum(['view', 'click']), url: z.url().optional() });

/** The simulator's own control API under /_sim/: not part of ACS, never signed, logged or faulted. */
export function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();

  sim.get('/emails', (c) => c.json({ emails: control.sentEmails() }));
  sim.delete('/emails', (c) => {
    control.clearSentEmails();
    return c.body(null, 204);
  });

  addCommonControlRoutes(sim, control, invalidBody);

  sim.put('/event-subscription', async (c) => {
    const input = subscriptionSchema.safeParse(await jsonBody(c));
    if (!input.success) return invalidBody(input.error);
    try {
      await control.subscribeEvents(input.data);
    } catch (error) {
      return acsError(409, 'ValidationFailed', `Event Grid could not validate the endpoint: ${error instanceof Error ? error.message : String(error)}`);
    }
    return c.json({ url: input.data.url, schema: input.data.schema });
  });
  sim.put('/bounces/:address', async (c) => {
    const input = bounceSchema.safeParse(await jsonBody(c));
    if (!input.success) return invalidBody(input.error);
    control.bounces.set(c.req.param('address').toLowerCase(), input.data);
    return c.json({ address: c.req.param('address'), ...input.data });
  });
  sim.post('/emails/:operationId/engagement', async (c) => {
    const input = engagementSchema.safeParse(await jsonBody(c));
    if (!input.success) return invalidBody(input.error);
    const status = await control.engage(c.req.param('operationId'), input.data.type, input.data.url);
    return status === undefined ? acsError(404, 'NotFound', 'no such message, or no event subscription') : c.json({ delivered: status });
  });

  sim.get('/failing-recipients', (c) => c.json(failingRecipients(control)));
  sim.put('/failing-recipients', async (c) => {
    const input = failingRecipientsSchema.safeParse(await jsonBody(c));
    if (!input.success) return invalidBody(input.error);
    const pattern = compile(input.data.pattern);
    if (pattern instanceof Error) return acsError(400, 'InvalidBody', `pattern: ${pattern.message}`);
    control.failRecipientsMatching(pattern);
    return c.json(failingRecipients(control));
  });

  sim.get('/status-progress', (c) => c.json(statusProgress(control)));
  sim.put('/status-progress', async (c) => {
    const input = statusProgressSchema.safeParse(await jsonBody(c));
    if (!input.success) return invalidBody(input.error);
    if (input.data.runningReads !== undefined) control.setRunningStatusReads(input.data.runningReads);
    if (input.data.retryAfterSeconds !== undefined) control.setStatusRetryAfter(input.data.retryAfterSeconds ?? undefined);
    return c.json(statusProgress(control));
  });

  sim.all('/*', () => acsError(404, 'NotFound', 'No such control route.'));
  return sim;
}

function failingRecipients(control: SimulatorControl) {
  const pattern = control.failingRecipientPattern;
  return { pattern: pattern?.source ?? null, flags: pattern?.flags ?? null };
}

function statusProgress(control: SimulatorControl) {
  return { runningReads: control.runningStatusReads, retryAfterSeconds: control.statusRetryAfterSeconds ?? null };
}

/** A case-insensitive RegExp, null for none, or the reason the pattern is not one. */
function compile(pattern: string | null): RegExp | undefined | Error {
  if (pattern === null) return undefined;
  try {
    return new RegExp(pattern, 'i');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function invalidBody(error: z.ZodError): Response {
  return acsError(400, 'InvalidBody', issueSummary(error));
}
