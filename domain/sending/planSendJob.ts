import type { Job } from '../jobs/JobRun.js';
import type { PersonRepository } from '../person/ports.js';
import { type EvaluationPorts, evaluateSegment, type SegmentPage } from '../segments/evaluateSegment.js';
import type { SegmentDefinitions } from '../segments/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { Logger } from '../shared/Logger.js';
import { currentSendingSettings } from './currentSendingSettings.js';
import type { OutboundMessage } from './OutboundMessage.js';
import type { OutboundMessages, Sends, SendingSettingsStore, TaxMailAudience } from './ports.js';
import { reachable } from './reachable.js';
import { consentChannelOf, recipientAddress } from './recipientAddress.js';
import { messageScopeOf, type Send } from './Send.js';
import { estimatedMinutes } from './SendingSettings.js';

/** Persons read at once for a tax mail's plan. */
const taxMailPage = 500;

export const planSendJobName = 'plan-send';

export interface PlanSendPorts extends EvaluationPorts {
  sends: Sends;
  messages: OutboundMessages;
  segmentDefinitions: SegmentDefinitions;
  sendingSettings: SendingSettingsStore;
  persons: Pick<PersonRepository, 'get'>;
  taxMails: Pick<TaxMailAudience, 'personIds'>;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/** A message's id: one per send (or tax year, see `messageScopeOf`) and person, whoever plans it how often. */
export function messageIdOf(scope: string, personId: string, ids: Ids): string {
  return ids.fromKey(`message:${scope}:${personId}`);
}

/**
 * [CampaignAutomation10] Plans a send once: streams its audience through the one filter and makes
 * one message per person kept who has an address on the channel. Safe to run again (a crash, a
 * retry): messages have fixed ids and are only created. Ends with the send `planned`, its counts
 * and how long it will take at the configured rate.
 */
export function planSendJob(ports: PlanSendPorts): Job {
  return {
    name: planSendJobName,
    description: 'Plans a send: one message per person in its audience who may be reached (parameter sendId)',
    run: async (context): Promise<Record<string, number>> => {
      const sendId = context.run.parameters?.sendId;
      const stored = sendId ? await ports.sends.get(sendId) : null;
      if (!stored) throw new Error(`the run names no send that exists (sendId ${sendId ?? 'missing'})`);
      const send = stored.value;
      if (send.status !== 'planning') return { alreadyPlanned: 1 };
      const excluded: Record<string, number> = {};
      let candidates = 0;
      for await (const page of audiencePages(send, ports)) {
        const messages: OutboundMessage[] = [];
        for (const { personId, reasons } of page.excluded) for (const reason of reasons) excluded[reason] = (excluded[reason] ?? 0) + 1;
        for (const person of page.kept) {
          if (!recipientAddress(person, send.channel)) excluded['no-address'] = (excluded['no-address'] ?? 0) + 1;
          else messages.push(plannedMessage(send, person.id, ports));
        }
        await ports.messages.createMany(messages);
        candidates += messages.length;
        await context.progress(candidates, 'messages planned');
      }
      // Counted from the store: a tax mail someone already had for the year (another send's message) is not this send's.
      const recipients = Object.values(await ports.messages.countByStatus(send.id)).reduce((sum, count) => sum + count, 0);
      if (candidates > recipients) excluded['mailed-this-year'] = candidates - recipients;
      await markPlanned(send.id, { recipients, excluded }, ports);
      return { recipients, ...Object.fromEntries(Object.entries(excluded).map(([reason, count]) => [`excluded.${reason}`, count])) };
    },
  };
}

async function* audiencePages(send: Send, ports: PlanSendPorts): AsyncIterable<SegmentPage> {
  const purpose = { teams: [send.team], channel: consentChannelOf(send.channel), ...(send.topic && { topic: send.topic }) };
  if (send.audience.kind === 'person') {
    const person = (await ports.persons.get(send.audience.personId))?.value;
    if (person) yield await reachable([person], send, ports);
    return;
  }
  if (send.audience.kind === 'tax-year') {
    for await (const personIds of ports.taxMails.personIds(send.audience.year, send.audience.cpr, taxMailPage)) {
      const persons = (await Promise.all(personIds.map((id) => ports.persons.get(id)))).flatMap((stored) => (stored ? [stored.value] : []));
      yield await reachable(persons, send, ports);
    }
    return;
  }
  const definition = await ports.segmentDefinitions.get(send.audience.segmentId);
  if (!definition) throw new Error(`send ${send.id} names segment ${send.audience.segmentId}, which is gone`);
  yield* evaluateSegment(definition.value.criteria, purpose, ports);
}

function plannedMessage(send: Send, personId: string, ports: PlanSendPorts): OutboundMessage {
  const now = ports.clock.now().toISOString();
  return { id: messageIdOf(messageScopeOf(send), personId, ports.ids), sendId: send.id, personId, channel: send.channel, templateId: send.templateId, status: 'planned', plannedAt: now, attempts: 0, events: [], updatedAt: now };
}

async function markPlanned(sendId: string, counts: { recipients: number; excluded: Record<string, number> }, ports: PlanSendPorts): Promise<void> {
  const settings = await currentSendingSettings(ports);
  for (;;) {
    const stored = await ports.sends.get(sendId);
    if (!stored || stored.value.status !== 'planning') return;
    const now = ports.clock.now().toISOString();
    const plan = { ...counts, plannedAt: now, estimatedMinutes: estimatedMinutes(counts.recipients, settings.rates[stored.value.channel]) };
    if ((await ports.sends.save({ ...stored.value, status: 'planned', plan, updatedAt: now }, stored.etag)) === 'saved') {
      ports.logger.info('send planned', { sendId, recipients: counts.recipients, estimatedMinutes: plan.estimatedMinutes });
      return;
    }
  }
}
