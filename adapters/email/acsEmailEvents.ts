import { z } from 'zod';
import type { EmailReport } from '../../domain/sending/EmailReport.js';

/**
 * ACS Email's events as Event Grid delivers them (Azure's event schemas for Communication Services
 * email): a delivery report per recipient, and an engagement report per open or click when
 * engagement tracking is on. The same `data` comes in the Event Grid schema and in CloudEvents 1.0.
 */
export const acsEventTypes = {
  deliveryReport: 'Microsoft.Communication.EmailDeliveryReportReceived',
  engagementReport: 'Microsoft.Communication.EmailEngagementTrackingReportReceived',
  subscriptionValidation: 'Microsoft.EventGrid.SubscriptionValidationEvent',
} as const;

const deliveryReportData = z.looseObject({
  sender: z.string(),
  recipient: z.string(),
  messageId: z.string().min(1),
  status: z.string().min(1),
  deliveryStatusDetails: z.looseObject({ statusMessage: z.string().optional() }).optional(),
  deliveryAttemptTimestamp: z.string().optional(),
});

const engagementReportData = z.looseObject({
  sender: z.string(),
  recipient: z.string().optional(),
  messageId: z.string().min(1),
  userActionTimestamp: z.string(),
  engagementContext: z.string().optional(),
  engagementType: z.enum(['view', 'click']),
});

/** One event in the Event Grid schema (a delivery is an array of them). */
export const eventGridEventSchema = z.looseObject({ id: z.string().min(1), eventType: z.string().min(1), subject: z.string().optional(), eventTime: z.string().min(1), data: z.unknown() });
/** One event in the CloudEvents 1.0 schema (a delivery is one of them, or an array in batch mode). */
export const cloudEventSchema = z.looseObject({ specversion: z.literal('1.0'), id: z.string().min(1), type: z.string().min(1), source: z.string(), time: z.string().optional(), data: z.unknown() });

/** An event whatever schema it came in. */
export interface AcsEvent {
  id: string;
  type: string;
  time: string;
  data: unknown;
}

/** The events of a delivery in either schema; a string says what is wrong with the body. */
export function eventsOf(body: unknown): AcsEvent[] | string {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) return 'the body holds no event';
  const events: AcsEvent[] = [];
  for (const [index, item] of items.entries()) {
    const cloud = cloudEventSchema.safeParse(item);
    if (cloud.success) {
      events.push({ id: cloud.data.id, type: cloud.data.type, time: cloud.data.time ?? '', data: cloud.data.data });
      continue;
    }
    const grid = eventGridEventSchema.safeParse(item);
    if (!grid.success) return `event ${index} is neither an Event Grid event nor a CloudEvent (${grid.error.issues.map((issue) => issue.path.join('.') || 'body').join(', ')})`;
    events.push({ id: grid.data.id, type: grid.data.eventType, time: grid.data.eventTime, data: grid.data.data });
  }
  return events;
}

/** What an ACS event says about one of the engine's messages; a string says why it cannot be read. */
export function emailReportOf(event: AcsEvent): EmailReport | string {
  if (event.type === acsEventTypes.deliveryReport) {
    const data = deliveryReportData.safeParse(event.data);
    if (!data.success) return `event ${event.id}: a delivery report without ${data.error.issues.map((issue) => issue.path.join('.')).join(', ')}`;
    const details = data.data.deliveryStatusDetails?.statusMessage;
    return { eventId: event.id, messageId: data.data.messageId, at: data.data.deliveryAttemptTimestamp ?? event.time, kind: 'delivery', status: data.data.status, ...(details && { details }) };
  }
  if (event.type === acsEventTypes.engagementReport) {
    const data = engagementReportData.safeParse(event.data);
    if (!data.success) return `event ${event.id}: an engagement report without ${data.error.issues.map((issue) => issue.path.join('.')).join(', ')}`;
    const url = data.data.engagementType === 'click' ? data.data.engagementContext : undefined;
    return { eventId: event.id, messageId: data.data.messageId, at: data.data.userActionTimestamp, kind: data.data.engagementType === 'view' ? 'opened' : 'clicked', ...(url && { url }) };
  }
  return `event ${event.id}: type ${event.type} is not one the engine takes (${acsEventTypes.deliveryReport}, ${acsEventTypes.engagementReport})`;
}
