import { z } from 'zod';
import type { LinkShortener } from '../../domain/sending/ports.js';
import type { OutgoingSms, SmsDeliveryReport, SmsGateway } from '../../domain/sending/SmsGateway.js';
import type { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingFormatError } from './OnlineFundraisingFormatError.js';

const smsMessageSchema = z.object({
  id: z.string().min(1),
  reference: z.string().nullable(),
  status: z.enum(['queued', 'delivered', 'failed']),
  status_reason: z.string().nullable(),
  updated_at: z.string(),
});

const shortUrlSchema = z.object({ short_url: z.url() });

/**
 * [OnlineFundraising7] SMS out through OF's API (assumed; see the OF simulator's README, "Sending
 * SMS"): `POST /sms-messages` with the engine's message id as `reference`, so a retry after a timeout
 * answers the SMS OF already took instead of sending a second; `GET /sms-messages/<id>` for its
 * delivery status; `POST /short-urls` (ShortenURL) for links.
 */
export class OnlineFundraisingSmsGateway implements SmsGateway, LinkShortener {
  constructor(private readonly client: OnlineFundraisingApiClient) {}

  async send(sms: OutgoingSms): Promise<{ providerMessageId: string }> {
    const body = { sender: sms.sender, recipient: sms.to, text: sms.text, amount: sms.amountOre ?? null, reference: sms.reference };
    const answer = parse(smsMessageSchema, await this.client.post('sms-messages', body), 'sms_message');
    return { providerMessageId: answer.id };
  }

  async report(providerMessageId: string): Promise<SmsDeliveryReport | null> {
    const body = await this.client.getById('sms-messages', providerMessageId);
    if (body === null) return null;
    const message = parse(smsMessageSchema, body, 'sms_message');
    return {
      providerMessageId: message.id,
      status: message.status,
      at: message.updated_at,
      ...(message.reference !== null && { reference: message.reference }),
      ...(message.status_reason !== null && { reason: message.status_reason }),
    };
  }

  async shorten(url: string): Promise<string> {
    return parse(shortUrlSchema, await this.client.post('short-urls', { url }), 'short_url').short_url;
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new OnlineFundraisingFormatError(what, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}
