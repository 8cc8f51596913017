import { wholeChannel } from '../consent/ConsentEntry.js';
import { type RecordConsentPorts, recordConsentChanges } from '../consent/recordConsentChanges.js';
import { keywordAt } from '../keywords/keywordAt.js';
import { currentKeywordTable } from '../keywords/keywordTable.js';
import type { SmsKeywordStore } from '../keywords/ports.js';
import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { OfDataSet } from '../mirror/OnlineFundraisingRecords.js';
import type { MirrorRepository } from '../mirror/ports.js';
import { toE164 } from '../person/phoneNumber.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { addToMarketingList } from '../marketing/addToMarketingList.js';
import type { MarketingLists } from '../marketing/ports.js';
import type { SignatureStore } from '../signatures/ports.js';
import { recordSignature } from '../signatures/recordSignature.js';
import { type SmsSenderPorts, personForSmsSender } from './personForSmsSender.js';

export interface InboundSmsPorts extends SmsSenderPorts, RecordConsentPorts {
  mirror: Pick<MirrorRepository, 'get' | 'replace'>;
  keywords: SmsKeywordStore;
  signatures: SignatureStore;
  marketingLists: MarketingLists;
}

export type InboundSmsOutcome = { personId?: string; keyword?: string; campaignCode?: string; action: string };

/**
 * [OnlineFundraising8][OnlineFundraising9] An inbound SMS was mirrored: it is recorded on its
 * sender's person (found or created by phone) and its keyword, as assigned at the time it was
 * received, does what it is set to do: a STOP-type keyword withdraws SMS consent; a petition keyword
 * signs the petition (a new lead when the SMS created the person); a marketing-list keyword puts
 * the sender on the list.
 */
export async function processInboundSms(mirrorId: string, ports: InboundSmsPorts): Promise<InboundSmsOutcome | undefined> {
  const stored = await ports.mirror.get(mirrorId);
  if (!stored || stored.value.entity !== 'data_set') return undefined;
  const sms = stored.value.record as OfDataSet;
  if (sms.kind !== 'sms_inbound') return undefined;
  const sender = await personForSmsSender(sms.phone && toE164(sms.phone), stored.value.personId, ports);
  const personId = sender?.personId;
  if (personId) await linkToPerson(mirrorId, personId, ports);
  const assignment = sms.keyword ? keywordAt(await currentKeywordTable(ports), sms.keyword, new Date(sms.receivedAt)) : undefined;
  const outcome = { ...(personId && { personId }), ...(sms.keyword && { keyword: sms.keyword }), ...(assignment && { campaignCode: assignment.campaignCode }), action: assignment?.action.kind ?? 'unknown-keyword' };
  if (personId && assignment?.action.kind === 'withdraw-sms-consent') {
    await recordConsentChanges(
      {
        personId,
        eventKey: `sms-inbound:${sms.id}`,
        at: new Date(sms.receivedAt),
        source: { kind: 'sms-keyword', id: assignment.keyword },
        changes: [{ channel: 'sms', topic: wholeChannel, action: 'withdrawn' }],
        campaignCode: assignment.campaignCode,
        ...(sms.text && { consentText: sms.text }),
      },
      ports,
    );
  }
  if (sender && assignment?.action.kind === 'create-signature') {
    await recordSignature(
      {
        petitionId: assignment.action.petitionId,
        personId: sender.personId,
        sourceKind: 'sms-keyword',
        sourceId: sms.id,
        signedAt: new Date(sms.receivedAt),
        campaignCode: assignment.campaignCode,
        phone: sms.phone,
        newLead: sender.isNew,
      },
      ports,
    );
  }
  if (sender && assignment?.action.kind === 'add-to-marketing-list') {
    await addToMarketingList({ list: assignment.action.list, personId: sender.personId, source: { kind: 'sms-keyword', id: sms.id }, campaignCode: assignment.campaignCode }, ports);
  }
  ports.logger.info('inbound SMS processed', { mirrorId, ...outcome });
  return outcome;
}

/** The SMS belongs to the person from now on, in the engine and (through the projector) in the CRM. */
async function linkToPerson(mirrorId: string, personId: string, ports: InboundSmsPorts): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.mirror.get(mirrorId);
    if (!stored || stored.value.personId === personId) return;
    const linked: MirrorRecord = { ...stored.value, personId, crm: { ...stored.value.crm, pending: true, pendingSince: ports.clock.now().toISOString() } };
    if ((await ports.mirror.replace(linked, stored.etag)) === 'replaced') return;
  }
  throw new ConcurrencyConflictError(`mirror record ${mirrorId} changed concurrently 5 times in a row`);
}
