import { z } from 'zod';
import { consentChannels } from '../../../domain/consent/ConsentEntry.js';

/**
 * Shapes of the answers of the staff API's main routes, for the API description. They are loose (a
 * field the engine adds later does not break them) and a test parses real answers with them, so they
 * cannot drift from what the routes send.
 */
const instant = z.string().describe('UTC instant, ISO 8601');
const actor = z.object({ kind: z.enum(['user', 'app', 'engine']), id: z.string(), name: z.string() });

export const personViewSchema = z.looseObject({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  emails: z.array(z.string()),
  phones: z.object({ primary: z.string().optional(), secondary: z.string().optional() }),
  unreadablePhones: z.array(z.object({ field: z.string(), raw: z.string() })),
  cprKnown: z.boolean().describe('whether the engine holds a (sealed) CPR number; the number itself is never in this answer'),
  supporterKind: z.string().optional(),
  mergedInto: z.string().optional(),
  createdAt: instant,
  updatedAt: instant,
});

const consentEntry = z.looseObject({
  id: z.string(),
  personId: z.string(),
  at: instant,
  recordedAt: instant,
  channel: z.enum(consentChannels),
  topic: z.string(),
  action: z.enum(['granted', 'withdrawn']),
  source: z.looseObject({ kind: z.string() }),
  campaignCode: z.string().optional(),
  consentText: z.string().optional(),
});
const consentState = z.object({ channel: z.enum(consentChannels), topic: z.string(), granted: z.boolean(), since: instant, entryId: z.string() });
export const consentOverviewSchema = z.object({ entries: z.array(consentEntry), current: z.array(consentState) });

export const stopListEntrySchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  requestedAt: z.string(),
  sms: z.boolean(),
  telemarketing: z.boolean(),
  source: z.string(),
  addedBy: z.string().describe('Name <object id> of the colleague, or the source'),
  addedAt: instant,
});
export const stopListPageSchema = z.object({ entries: z.array(stopListEntrySchema), continuationToken: z.string().optional() });
export const stopListCheckSchema = z.object({ stopListed: z.boolean(), entries: z.array(stopListEntrySchema) });

const auditEntry = z.looseObject({
  id: z.string(),
  at: instant,
  day: z.string(),
  actor,
  action: z.string(),
  kind: z.enum(['read', 'change', 'export']),
  personIds: z.array(z.string()),
  subjects: z.array(z.object({ kind: z.string(), id: z.string() })).optional(),
  count: z.number().optional(),
  criteria: z.record(z.string(), z.string()).optional(),
  purpose: z.string().optional(),
});
export const auditPageSchema = z.object({ entries: z.array(auditEntry), continuationToken: z.string().optional() });

export const petitionCountsSchema = z.object({ petitionId: z.string(), all: z.number(), deduplicated: z.number(), newLeads: z.number(), withdrawn: z.number() });

export const jobRunSchema = z.looseObject({
  id: z.string(),
  job: z.string(),
  forDate: z.string(),
  trigger: z.enum(['schedule', 'staff']),
  requestedBy: z.string().optional(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  queuedAt: instant,
  attempts: z.number(),
});

export const deadLetterPageSchema = z.object({
  items: z.array(z.looseObject({ id: z.string(), queue: z.string(), status: z.enum(['retrying', 'dead', 'replayed', 'resolved']), failures: z.number(), lastError: z.string(), firstFailedAt: instant, lastFailedAt: instant })),
  continuationToken: z.string().optional(),
});

export const segmentFilterSchema = z.object({ kept: z.array(z.string()), excluded: z.array(z.object({ personId: z.string(), reasons: z.array(z.string()) })) });
export const anonymisationSchema = z.looseObject({
  personId: z.string(),
  status: z.enum(['pending', 'anonymised']),
  reason: z.string(),
  requestedOn: z.string(),
  kept: z.looseObject({ firstRetainedYear: z.number(), cprKept: z.boolean(), cprReason: z.string(), paymentsKept: z.number(), paymentsRemoved: z.number(), signaturesKept: z.number() }),
});
export const segmentDryRunSchema = z.looseObject({ criteria: z.looseObject({}), count: z.number(), personIds: z.array(z.string()) });
export const segmentConfirmedSchema = z.looseObject({ segmentId: z.string(), criteria: z.looseObject({}), count: z.number(), run: z.looseObject({ id: z.string(), status: z.string() }) });
export const anonymisationRulesSchema = z.looseObject({ enabled: z.boolean(), doNotContactAfterYears: z.number(), anonymiseAfterYears: z.number(), exclusions: z.array(z.looseObject({ kind: z.string() })) });
export const candidateSchema = z.looseObject({ id: z.string(), status: z.string(), foundOn: z.string(), anonymiseOn: z.string() });
export const candidatePageSchema = z.object({ items: z.array(candidateSchema), continuationToken: z.string().optional() });
export const cprEnteredSchema = z.object({ personId: z.string(), cprKnown: z.literal(true) });
export const cprRevealedSchema = z.object({ personId: z.string(), cpr: z.string().nullable() });

export const teamTableSchema = z.looseObject({
  teams: z.array(z.looseObject({ team: z.string(), description: z.string(), excludedSupporterKinds: z.array(z.string()), entraGroupIds: z.array(z.string()).optional() })),
  updatedAt: instant,
});

export const dataSubjectExportSchema = z.object({
  exportedAt: instant,
  personId: z.string(),
  person: personViewSchema.omit({ unreadablePhones: true }).loose(),
  consents: z.object({ log: z.array(consentEntry), current: z.array(consentState) }),
  onlineFundraisingRecords: z.array(z.looseObject({ entity: z.string() })),
  agreements: z.array(z.looseObject({})),
  payments: z.array(z.looseObject({ amountOre: z.number() })),
  signatures: z.array(z.looseObject({ petitionId: z.string(), personId: z.string() })),
  formSubmissions: z.array(z.looseObject({ formId: z.string(), fields: z.record(z.string(), z.string()) })),
  stopListEntries: z.array(stopListEntrySchema),
  interactions: z.array(z.object({ sendId: z.string(), channel: z.string(), outcome: z.string(), reportedAt: instant })),
  messages: z.array(z.looseObject({ id: z.string(), sendId: z.string(), channel: z.string(), status: z.string(), events: z.array(z.looseObject({ kind: z.string(), at: instant })) })),
  auditEntries: z.array(auditEntry),
});

export const landingPrefillSchema = z.object({ firstName: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export const callCampaignSchema = z.looseObject({ id: z.string(), name: z.string(), priority: z.number(), recontactAfterMonths: z.number(), active: z.boolean(), petitionIds: z.array(z.string()) });
export const leadFileSchema = z.looseObject({ id: z.string(), campaignId: z.string(), vendor: z.string(), channel: z.string(), name: z.string(), status: z.string(), leadIds: z.array(z.string()), excluded: z.record(z.string(), z.number()) });
export const extractSchema = z.object({ file: leadFileSchema, content: z.string() });
export const segmentDefinitionSchema = z.looseObject({ id: z.string(), name: z.string(), criteria: z.looseObject({}) });
export const segmentCountSchema = z.object({ kept: z.number(), excluded: z.record(z.string(), z.number()) });
export const messageTemplateSchema = z.looseObject({ id: z.string(), name: z.string(), channel: z.string(), team: z.string() });
export const sendSchema = z.looseObject({ id: z.string(), status: z.string(), channel: z.string(), scheduledAt: z.string() });
export const sendProgressSchema = z.object({ send: sendSchema, messages: z.object({ planned: z.number(), sending: z.number(), sent: z.number(), skipped: z.number() }) });
