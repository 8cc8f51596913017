import type { StartJobPorts } from '../jobs/startJobRun.js';
import { startJobRun } from '../jobs/startJobRun.js';
import type { PersonRepository } from '../person/ports.js';
import type { SegmentDefinitions } from '../segments/ports.js';
import { type FieldProblem, InvalidSendingInputError } from './errors.js';
import { planSendJobName } from './planSendJob.js';
import type { MessageTemplates, Sends, TaxMailAudience } from './ports.js';
import type { Send, SendAudience } from './Send.js';

export interface CreateSendPorts extends StartJobPorts {
  sends: Sends;
  templates: MessageTemplates;
  segmentDefinitions: SegmentDefinitions;
  persons: Pick<PersonRepository, 'get'>;
  taxMails: Pick<TaxMailAudience, 'hasStatements'>;
}

export interface SendRequest {
  name: string;
  templateId: string;
  audience: SendAudience;
  team: string;
  topic?: string;
  /** Instant; now when left out. */
  scheduledAt?: string;
}

/** A few seconds' grace: "now" from a staff member's browser is a little in the past when it arrives. */
const pastGraceMs = 60_000;

/**
 * [CampaignAutomation10][OnlineFundraising7] Staff ask for a send to one person or a segment, now
 * or at a time: checked (the template, the audience, a time not in the past), stored, and planned
 * by the `plan-send` job. Nothing goes out before the plan is made.
 */
export async function createSend(request: SendRequest, by: string, ports: CreateSendPorts): Promise<Send> {
  const now = ports.clock.now();
  const template = await ports.templates.get(request.templateId);
  const problems: FieldProblem[] = [];
  if (!template) problems.push({ field: 'templateId', problem: `no template ${request.templateId}` });
  const scheduledAt = request.scheduledAt ? new Date(request.scheduledAt) : now;
  if (scheduledAt.getTime() < now.getTime() - pastGraceMs) problems.push({ field: 'scheduledAt', problem: `${request.scheduledAt} is in the past (now ${now.toISOString()})` });
  problems.push(...(await audienceProblems(request.audience, ports)));
  if (request.audience.kind === 'tax-year' && request.topic) problems.push({ field: 'topic', problem: 'a tax mail is a service message: it needs no consent topic' });
  if (problems.length > 0) throw new InvalidSendingInputError(problems);
  const send: Send = {
    id: ports.ids.random(),
    name: request.name,
    channel: template!.value.channel,
    templateId: request.templateId,
    team: request.team,
    ...(request.topic && { topic: request.topic }),
    audience: request.audience,
    scheduledAt: scheduledAt.toISOString(),
    status: 'planning',
    createdAt: now.toISOString(),
    createdBy: by,
    updatedAt: now.toISOString(),
  };
  await ports.sends.save(send);
  await startJobRun(planSendJobName, { kind: 'staff', requestedBy: by }, ports, { sendId: send.id });
  return send;
}

async function audienceProblems(audience: SendAudience, ports: CreateSendPorts): Promise<FieldProblem[]> {
  if (audience.kind === 'person') {
    const person = await ports.persons.get(audience.personId);
    return person && !person.value.mergedInto ? [] : [{ field: 'audience.personId', problem: person ? `merged into ${person.value.mergedInto}; send to that person` : `no person ${audience.personId}` }];
  }
  if (audience.kind === 'tax-year') {
    return (await ports.taxMails.hasStatements(audience.year)) ? [] : [{ field: 'audience.year', problem: `${audience.year} has not been computed: run the year first (POST /admin/tax-report/${audience.year}/runs)` }];
  }
  return (await ports.segmentDefinitions.get(audience.segmentId)) ? [] : [{ field: 'audience.segmentId', problem: `no segment definition ${audience.segmentId}` }];
}
