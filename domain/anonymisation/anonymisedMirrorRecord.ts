import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { OfSnapshot } from '../mirror/OnlineFundraisingRecords.js';

/**
 * [GDPR1] A mirrored OF record without what could identify or describe the person: free-text reasons,
 * masked account and card numbers, and a data set's phone, text and fields. Amounts, dates, statuses,
 * channels and campaign codes stay (bookkeeping and statistics need them, and they identify nobody).
 */
export function anonymisedSnapshot(snapshot: OfSnapshot): OfSnapshot {
  switch (snapshot.entity) {
    case 'agreement': {
      const { cancellationReason: _reason, ...record } = snapshot.record;
      return { entity: 'agreement', record };
    }
    case 'subscription': {
      const { cancellation, ...record } = snapshot.record;
      return { entity: 'subscription', record: { ...record, ...(cancellation && { cancellation: { by: cancellation.by, reason: '' } }) } };
    }
    case 'payment_method': {
      const { maskedReference: _reference, statusReason: _reason, ...record } = snapshot.record;
      return { entity: 'payment_method', record };
    }
    case 'payment': {
      const { statusReason: _reason, ...record } = snapshot.record;
      return { entity: 'payment', record };
    }
    case 'add_on':
      return snapshot;
    case 'data_set': {
      const { phone: _phone, text: _text, ...record } = snapshot.record;
      return { entity: 'data_set', record: { ...record, fields: {} } };
    }
  }
}

/** The record anonymised and due for the CRM again, so the CRM's copy is emptied too. */
export function anonymisedMirrorRecord(record: MirrorRecord, now: Date): MirrorRecord {
  const { record: anonymised } = anonymisedSnapshot({ entity: record.entity, record: record.record } as OfSnapshot);
  const at = now.toISOString();
  return { ...record, record: anonymised, updatedAt: at, crm: { ...record.crm, pending: true, pendingSince: at } };
}
