import { z } from 'zod';

/**
 * HeroBase's API as the engine assumes it (HeroBase's API is not public; see README.md). Every wire
 * shape lives here and in the engine's adapter, nowhere else.
 */
export const callResults = ['yes', 'no', 'max-attempts'] as const;
export type CallResult = (typeof callResults)[number];

export interface HeroBaseCampaign {
  id: string;
  name: string;
  status: 'active' | 'closed';
}

/** What the caller recorded when the call ended (a completed lead). */
export interface CallOutcome {
  result: CallResult;
  /** The fundraiser (agent) who made the call. */
  agentId: string;
  completedAt: string;
  /** The person signed up for the newsletter on the call. */
  newsletter?: boolean;
  /** The person asked not to be called again; `stopList` when they asked never to be called by MS. */
  noMoreCalls?: boolean;
  stopList?: boolean;
  /** Master data the caller corrected. */
  contactUpdates?: { firstName?: string; lastName?: string; email?: string; phone?: string };
  /** The OF agreement the fundraiser signed up or changed in OF's Onboarding App. */
  agreementId?: string;
  note?: string;
}

export interface HeroBaseLead {
  id: string;
  campaignId: string;
  /** The engine's lead id: creating a lead with an externalId the campaign has already answers that lead. */
  externalId: string;
  status: 'open' | 'closed';
  firstName: string;
  lastName: string;
  phone: string;
  email?: string;
  /** The data the caller sees beside the name (enrichment), as text. */
  data: Record<string, string>;
  createdAt: string;
  closedAt?: string;
  /** `api`: closed by the engine; `completed`: the calls ended with an outcome. */
  closeReason?: 'api' | 'completed';
  /** Why the engine closed it, as it said. */
  closeNote?: string;
  outcome?: CallOutcome;
}

/** A task member service at the dialer vendor made for MS ([Dialer4]). */
export interface HeroBaseTask {
  id: string;
  subject: string;
  description: string;
  /** Who it is about, as the caller has it; `leadId` when the task came from a call. */
  leadId?: string;
  name?: string;
  phone?: string;
  email?: string;
  createdBy: string;
  createdAt: string;
}

export const newLeadSchema = z.strictObject({
  externalId: z.string().min(1).max(100),
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164, e.g. +4512345678'),
  email: z.string().max(200).optional(),
  data: z.record(z.string().max(50), z.string().max(500)).default({}),
});

export const leadUpdateSchema = z.strictObject({
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164, e.g. +4512345678').optional(),
  email: z.string().max(200).optional(),
  data: z.record(z.string().max(50), z.string().max(500)).optional(),
});

export const closeLeadSchema = z.strictObject({ note: z.string().max(200).optional() });

export const notificationTypes = ['lead.closed', 'task.created'] as const;

/** A webhook notification: what happened to which lead or task; the engine reads the current state with GET. */
export interface HeroBaseNotification {
  id: string;
  type: (typeof notificationTypes)[number];
  leadId?: string;
  taskId?: string;
  campaignId?: string;
  occurredAt: string;
}
