import { Hono } from 'hono';
import { z } from 'zod';
import { actorReference } from '../../domain/shared/Actor.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { CallCampaign } from '../../domain/telemarketing/CallCampaign.js';
import { type ExtractLeadsPorts, extractLeads } from '../../domain/telemarketing/extractLeads.js';
import type { LeadFile } from '../../domain/telemarketing/LeadFile.js';
import { type LeadFileContentPorts, leadFileContent } from '../../domain/telemarketing/leadFileContent.js';
import { leadFields } from '../../domain/telemarketing/leadFields.js';
import type { LeadFiles } from '../../domain/telemarketing/ports.js';
import type { SegmentDefinitions } from '../../domain/segments/ports.js';
import { type SaveCallCampaignPorts, saveCallCampaign } from '../../domain/telemarketing/saveCallCampaign.js';
import { actorOf } from './access/staffOf.js';
import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { type CloseLeadPorts, closeLead } from '../../domain/telemarketing/closeLeads.js';
import { closeAllLeadsOf } from '../../domain/telemarketing/closeAllLeadsOf.js';
import type { RecordConsentPorts } from '../../domain/consent/recordConsentChanges.js';
import { dialerTransferJobName } from '../../domain/telemarketing/dialerTransferJob.js';
import { InvalidTelemarketingInputError } from '../../domain/telemarketing/errors.js';
import { type HandOverToDialerPorts } from '../../domain/telemarketing/handOverToDialer.js';
import { handOverSingleLead } from '../../domain/telemarketing/handOverSingleLead.js';
import type { MemberServiceTasks } from '../../domain/telemarketing/ports.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, externalKey, pathParams } from './pathParams.js';
import { invalidRequest } from './problem.js';

const day = z.iso.date();
const columns = z.array(z.strictObject({ field: z.enum(leadFields), header: z.string().min(1).max(60) })).max(leadFields.length);

export const callCampaignBody = z.strictObject({
  name: z.string().min(1).max(200),
  priority: z.number().int().min(0).max(1_000),
  recontactAfterMonths: z.number().int().min(0).max(120),
  active: z.boolean(),
  petitionIds: z.array(externalKey).max(50),
  leadsFrom: day,
  team: z.string().min(1).max(100),
  nightlyFile: z.strictObject({ columns: columns.min(1) }).optional(),
  dialer: z
    .strictObject({
      dialerCampaignId: z.string().min(1).max(100),
      onboardingCampaignId: z.string().min(1).max(100).optional(),
      changesAgreements: z.boolean(),
      fields: columns,
      newsletterTopic: z.string().min(1).max(40).optional(),
      dailySegmentDefinitionId: engineId.optional(),
    })
    .optional(),
});

export const extractBody = z.strictObject({ campaignId: externalKey, signedFrom: day, signedTo: day, vendor: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}$/, 'a vendor name: letters, digits, space, - _ .') });
export const filesQuery = z.strictObject({ campaignId: externalKey.optional(), limit: z.coerce.number().int().min(1).max(500).default(50) });

export const transferBody = z.strictObject({ campaignId: externalKey, segmentDefinitionId: engineId });
export const singleLeadBody = z.strictObject({ campaignId: externalKey, personId: engineId });
export const leadsQuery = z.strictObject({ ofAgreementId: z.string().min(1).max(100) });
export const closeAllBody = z.strictObject({ reason: z.enum(['no-more-calls', 'closed-by-staff']) });
export const tasksQuery = z.strictObject({ personId: engineId.optional(), unlinked: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export type TelemarketingRouteDeps = SaveCallCampaignPorts &
  ExtractLeadsPorts &
  LeadFileContentPorts &
  HandOverToDialerPorts &
  CloseLeadPorts &
  StartJobPorts &
  RecordConsentPorts & { files: LeadFiles; tasks: MemberServiceTasks; persons: PersonRepository; segmentDefinitions: Pick<SegmentDefinitions, 'get'> };

/**
 * [Leadflow][Dialer2] /admin/telemarketing: call campaigns (GET, PUT /campaigns/{id}); the lead files,
 * nightly and manual (GET /files, /files/{id}, /files/{id}/content as the vendor gets it); and manual
 * extracts (POST /extracts {campaignId, signedFrom, signedTo, vendor}), whose leads the nightly
 * transfer then leaves out.
 */
export function telemarketingRoutes(deps: TelemarketingRouteDeps): Hono {
  return new Hono()
    .get('/campaigns', async (c) => c.json({ campaigns: await deps.campaigns.list() }))
    .get('/campaigns/:id', pathParams({ id: externalKey }), async (c) => c.json(await campaignOf(c.req.param('id'), deps)))
    .put('/campaigns/:id', pathParams({ id: externalKey }), async (c) => {
      const body = callCampaignBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await saveCallCampaign({ ...body.data, id: c.req.param('id') }, actorReference(actorOf(c)), deps));
    })
    .get('/files', async (c) => {
      const query = filesQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      return c.json({ files: await deps.files.recent(query.data.limit, query.data.campaignId) });
    })
    .get('/files/:id', pathParams({ id: engineId }), async (c) => c.json(await fileOf(c.req.param('id'), deps)))
    .get('/files/:id/content', pathParams({ id: engineId }), async (c) => {
      const file = await fileOf(c.req.param('id'), deps);
      const { content } = await leadFileContent(file, await campaignOf(file.campaignId, deps), deps);
      c.set('auditedPersons', (await deps.leads.ofFile(file.id)).map((lead) => lead.personId));
      return c.body(Buffer.from(content), 200, { 'content-type': deps.format.mediaType, 'content-disposition': `attachment; filename="${file.name}"` });
    })
    .post('/transfers', async (c) => {
      const body = transferBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const campaign = await campaignOf(body.data.campaignId, deps);
      if (!campaign.dialer || !campaign.active) throw new InvalidTelemarketingInputError([{ field: 'campaignId', problem: 'the campaign is not an active campaign in the dialer' }]);
      if (!(await deps.segmentDefinitions.get(body.data.segmentDefinitionId))) throw new NotFoundError(`no segment definition ${body.data.segmentDefinitionId}`);
      return c.json(await startJobRun(dialerTransferJobName, { kind: 'staff', requestedBy: actorReference(actorOf(c)) }, deps, body.data), 202);
    })
    .post('/leads', async (c) => {
      const body = singleLeadBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await handOverSingleLead(body.data, deps), 201);
    })
    .get('/leads', async (c) => {
      const query = leadsQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const leads = await deps.leads.ofAgreement(query.data.ofAgreementId);
      c.set('auditedPersons', leads.map((lead) => lead.personId));
      return c.json({ leads });
    })
    .post('/leads/:id/close', pathParams({ id: engineId }), async (c) => {
      const closed = await closeLead(c.req.param('id'), 'closed-by-staff', deps);
      if (!closed) throw new NotFoundError(`no lead ${c.req.param('id')}`);
      return c.json(closed);
    })
    .post('/extracts', async (c) => {
      const body = extractBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const file = await extractLeads(body.data, actorReference(actorOf(c)), deps);
      return c.json({ file, content: `/admin/telemarketing/files/${file.id}/content` }, 201);
    });
}

async function campaignOf(id: string, deps: Pick<TelemarketingRouteDeps, 'campaigns'>): Promise<CallCampaign> {
  const stored = await deps.campaigns.get(id);
  if (!stored) throw new NotFoundError(`no call campaign ${id}`);
  return stored.value;
}

async function fileOf(id: string, deps: Pick<TelemarketingRouteDeps, 'files'>): Promise<LeadFile> {
  const stored = await deps.files.get(id);
  if (!stored) throw new NotFoundError(`no lead file ${id}`);
  return stored.value;
}

/** [Dialer4] GET /admin/member-service/tasks?personId=&unlinked=true: member service's tasks, newest first. */
export function memberServiceTaskRoutes(deps: Pick<TelemarketingRouteDeps, 'tasks'>): Hono {
  return new Hono().get('/tasks', async (c) => {
    const query = tasksQuery.safeParse(c.req.query());
    if (!query.success) return invalidRequest(c, query.error, 'query');
    const { limit, personId, unlinked } = query.data;
    const tasks = await deps.tasks.recent(limit, { ...(personId && { personId }), unlinked: unlinked === 'true' });
    c.set('auditedPersons', tasks.flatMap((task) => (task.personId ? [task.personId] : [])));
    return c.json({ tasks });
  });
}

/**
 * [Leadflow][Dialer3] GET /admin/persons/{id}/telemarketing-leads: every lead the person has had, newest
 * first (member service). POST …/close {reason}: closes all their open leads at once, e.g. from an
 * automation; `no-more-calls` also withdraws their phone consent.
 */
export function personLeadsRoute(deps: Pick<TelemarketingRouteDeps, 'leads' | 'dialer' | 'clock' | 'consentLog' | 'consentTopics' | 'ids'>): Hono {
  return new Hono()
    .get('/:id/telemarketing-leads', pathParams({ id: engineId }), async (c) => {
      const leads = await deps.leads.ofPersons([c.req.param('id')]);
      return c.json({ leads: leads.sort((a, b) => b.handedOverAt.localeCompare(a.handedOverAt)) });
    })
    .post('/:id/telemarketing-leads/close', pathParams({ id: engineId }), async (c) => {
      const body = closeAllBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json({ closed: await closeAllLeadsOf(c.req.param('id'), body.data.reason, actorReference(actorOf(c)), deps) });
    });
}
