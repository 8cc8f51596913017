import type { MirrorRecord, ParentLink } from '../../domain/mirror/MirrorRecord.js';
import type { MirroredEntity, OfSnapshot } from '../../domain/mirror/OnlineFundraisingRecords.js';
import type { ProjectedRecord } from '../../domain/projection/ports.js';
import { canonicalJson } from '../../domain/shared/canonicalJson.js';

/** The custom table (entity set) of MS's solution that mirrors each OF entity. */
export const mirrorEntitySets: Record<MirroredEntity, string> = {
  agreement: 'msengine_agreements',
  subscription: 'msengine_subscriptions',
  payment_method: 'msengine_paymentmethods',
  payment: 'msengine_payments',
  add_on: 'msengine_addons',
  data_set: 'msengine_datasets',
};

type Columns = Record<string, unknown>;
type LookupParent = Exclude<ParentLink['entity'], 'add_on' | 'payment' | 'data_set'>;

/** Each lookup: its navigation property and the table of the parent it points at (a person is a contact). */
const lookups: Record<LookupParent, { navigationProperty: string; entitySet: string }> = {
  person: { navigationProperty: 'msengine_contactid', entitySet: 'contacts' },
  agreement: { navigationProperty: 'msengine_agreementid', entitySet: mirrorEntitySets.agreement },
  subscription: { navigationProperty: 'msengine_subscriptionid', entitySet: mirrorEntitySets.subscription },
  payment_method: { navigationProperty: 'msengine_paymentmethodid', entitySet: mirrorEntitySets.payment_method },
};

/**
 * [OnlineFundraising2] A mirrored OF entity → the row of its `msengine_` table. The row's key is the
 * record's engine id, so writing it again updates the same row. Every column is always sent, null
 * when there is no value, so a value removed in OF is removed in the CRM too. Amounts go from øre to
 * DKK (Dataverse's money columns hold kroner). A lookup is bound to its parent's row only when the
 * parent is in the engine (not in `waitingFor`): a parent that has not arrived has no CRM row yet,
 * and binding it would fail the write; it is written as null until the parent arrives.
 */
export function projectMirrorRecord(record: MirrorRecord): ProjectedRecord {
  const entitySet = mirrorEntitySets[record.entity];
  // MirrorRecord keeps the entity and its record side by side; together they are one OfSnapshot.
  const snapshot = { entity: record.entity, record: record.record } as OfSnapshot;
  return {
    key: `${entitySet}(${record.id})`,
    payload: { msengine_ofid: record.ofId, ...entityColumns(snapshot), msengine_ofupdatedon: record.ofUpdatedAt, ...lookupBindings(record) },
  };
}

function entityColumns(snapshot: OfSnapshot): Columns {
  switch (snapshot.entity) {
    case 'agreement': {
      const agreement = snapshot.record;
      return {
        msengine_kind: agreement.kind,
        msengine_status: agreement.status,
        msengine_campaigncode: agreement.campaignCode ?? null,
        msengine_purpose: agreement.purpose ?? null,
        msengine_restricted: agreement.restricted,
        msengine_startdate: agreement.startDate ?? null,
        msengine_enddate: agreement.endDate ?? null,
        msengine_cancellationreason: agreement.cancellationReason ?? null,
      };
    }
    case 'subscription': {
      const subscription = snapshot.record;
      return {
        msengine_amount: kroner(subscription.amountOre),
        msengine_frequency: subscription.frequency,
        msengine_status: subscription.status,
        msengine_cancellationreason: subscription.cancellation?.reason ?? null,
        msengine_cancelledby: subscription.cancellation?.by ?? null,
        msengine_nextchargedate: subscription.nextChargeDate ?? null,
        msengine_pauseduntil: subscription.pausedUntil ?? null,
      };
    }
    case 'payment_method': {
      const method = snapshot.record;
      return {
        msengine_type: method.type,
        msengine_status: method.status,
        msengine_statusreason: method.statusReason ?? null,
        msengine_maskedreference: method.maskedReference ?? null,
      };
    }
    case 'payment': {
      const payment = snapshot.record;
      return {
        msengine_amount: kroner(payment.amountOre),
        msengine_status: payment.status,
        msengine_statusreason: payment.statusReason ?? null,
        msengine_duedate: payment.dueDate ?? null,
        msengine_paiddate: payment.paidDate ?? null,
        msengine_channel: payment.channel,
        msengine_campaigncode: payment.campaignCode ?? null,
        msengine_purpose: payment.purpose ?? null,
      };
    }
    case 'add_on': {
      const addOn = snapshot.record;
      return { msengine_name: addOn.name, msengine_amount: kroner(addOn.amountOre), msengine_status: addOn.status };
    }
    case 'data_set': {
      const dataSet = snapshot.record;
      return {
        msengine_kind: dataSet.kind,
        msengine_phone: dataSet.phone ?? null,
        msengine_receivedon: dataSet.receivedAt,
        msengine_keyword: dataSet.keyword ?? null,
        msengine_text: dataSet.text ?? null,
        msengine_formid: dataSet.formId ?? null,
        msengine_campaigncode: dataSet.campaignCode ?? null,
        // Keys sorted, so the same fields always give the same text (and an unchanged payload).
        msengine_fields: canonicalJson(dataSet.fields),
      };
    }
  }
}

/** The parents each table has a lookup for. */
const lookupsOf: Record<MirroredEntity, LookupParent[]> = {
  agreement: ['person'],
  subscription: ['agreement'],
  payment_method: ['person', 'agreement'],
  payment: ['person', 'agreement', 'subscription', 'payment_method'],
  add_on: ['agreement', 'subscription'],
  data_set: ['person'],
};

function lookupBindings(record: MirrorRecord): Columns {
  const bindings: Columns = {};
  for (const parentEntity of lookupsOf[record.entity]) {
    const { navigationProperty, entitySet } = lookups[parentEntity];
    const parent = record.parents.find((link) => link.entity === parentEntity);
    const arrived = parent !== undefined && !record.waitingFor.includes(parent.id);
    // A person's row is the active person's: a merged-away person has none of their own.
    const rowId = parentEntity === 'person' ? (record.personId ?? parent?.id) : parent?.id;
    bindings[`${navigationProperty}@odata.bind`] = arrived ? `/${entitySet}(${rowId})` : null;
  }
  return bindings;
}

/**
 * Integer øre → DKK. An integer divided by 100 is the number whose shortest decimal form, the one
 * JSON carries, is exactly the amount in kroner with at most two decimals (12345 → 123.45).
 */
export function kroner(ore: number): number {
  return ore / 100;
}
