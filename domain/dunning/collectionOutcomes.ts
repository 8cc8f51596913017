import type { AgreementPaymentState, CollectionOutcome } from './AgreementPaymentState.js';
import { collectionIndexOf } from './collections.js';

const rank: Record<CollectionOutcome, number> = { unpaid: 0, pending: 1, paid: 2 };

/** Collections kept in the state: two years of monthly ones, more than any group looks back. */
export const collectionsKept = 24;

/**
 * [CampaignAutomation6] Every payment placed on its collection and the best outcome per collection,
 * worked out afresh: when the start or the frequency changed (empty until both are known).
 */
export function withAllCollections(state: AgreementPaymentState): AgreementPaymentState {
  const { startDate, frequency } = state;
  const payments: AgreementPaymentState['payments'] = {};
  const collections: Record<string, CollectionOutcome> = {};
  for (const [id, { dueDate, outcome }] of Object.entries(state.payments)) {
    if (!startDate || !frequency) {
      payments[id] = { dueDate, outcome };
      continue;
    }
    const collection = collectionIndexOf(startDate, frequency, dueDate);
    payments[id] = { dueDate, outcome, collection };
    collections[collection] = best(collections[collection], outcome);
  }
  return withoutOldCollections({ ...state, payments, collections });
}

/**
 * One payment changed: place it on its collection and work out again only the collections it
 * left and joined, so the date work per payment does not grow with the history.
 */
export function withPayment(state: AgreementPaymentState, id: string, dueDate: string, outcome: CollectionOutcome): AgreementPaymentState {
  const { startDate, frequency } = state;
  const collection = startDate && frequency ? collectionIndexOf(startDate, frequency, dueDate) : undefined;
  const previous = state.payments[id]?.collection;
  const payments = { ...state.payments, [id]: { dueDate, outcome, ...(collection !== undefined && { collection }) } };
  const collections = { ...state.collections };
  for (const affected of new Set([previous, collection])) {
    if (affected === undefined) continue;
    let outcomeOf: CollectionOutcome | undefined;
    for (const payment of Object.values(payments)) if (payment.collection === affected) outcomeOf = best(outcomeOf, payment.outcome);
    if (outcomeOf) collections[affected] = outcomeOf;
    else delete collections[affected];
  }
  return withoutOldCollections({ ...state, payments, collections });
}

/** Drops payments and collections older than the latest `collectionsKept`, remembering the latest paid one. */
function withoutOldCollections(state: AgreementPaymentState): AgreementPaymentState {
  const indexes = Object.keys(state.collections).map(Number);
  if (indexes.length <= collectionsKept) return state;
  const oldest = Math.max(...indexes) - collectionsKept + 1;
  let paidBefore = state.paidBefore;
  const collections: Record<string, CollectionOutcome> = {};
  for (const index of indexes) {
    if (index >= oldest) collections[index] = state.collections[index]!;
    else if (state.collections[index] === 'paid') paidBefore = Math.max(paidBefore ?? -1, index);
  }
  const payments = Object.fromEntries(Object.entries(state.payments).filter(([, payment]) => payment.collection === undefined || payment.collection >= oldest));
  return { ...state, payments, collections, ...(paidBefore !== undefined && { paidBefore }) };
}

function best(known: CollectionOutcome | undefined, outcome: CollectionOutcome): CollectionOutcome {
  return !known || rank[outcome] > rank[known] ? outcome : known;
}
