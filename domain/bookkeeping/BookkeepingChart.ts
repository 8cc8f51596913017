import type { AgreementKind } from '../mirror/OnlineFundraisingRecords.js';
import type { ImportSource, LedgerChannel } from './LedgerPayment.js';

export interface Account {
  number: string;
  description: string;
}

/** The contra account (modkonto) of a payment channel, e.g. NETS/BS or MobilePay. */
export interface ContraAccount extends Account {
  channel: LedgerChannel;
}

/** [BetalingUdenomOF] How imported payments of a source are booked. */
export interface ImportPolicy {
  source: ImportSource;
  /** `already_posted`: booked elsewhere (an invoice billed in the ERP), never posted by a run. */
  posting: 'to_post' | 'already_posted';
  channel: LedgerChannel;
}

/**
 * [Bogføring] The staff-maintained table of accounts, contra accounts and import policies. Until
 * finance saves one, the defaults below apply and no posting run may start (the opening date must
 * be a deliberate choice).
 */
export interface BookkeepingChart {
  id: typeof bookkeepingChartId;
  accounts: Account[];
  /** The income account for a payment whose campaign names none. */
  accountByAgreementKind: Record<AgreementKind, string>;
  contraAccounts: ContraAccount[];
  importPolicies: ImportPolicy[];
  /** Payments dated before this were booked by the systems before the engine; they count as already posted. */
  ledgerOpensOn: string;
  updatedAt: string;
}

export const bookkeepingChartId = 'bookkeeping-chart';

/** A starting point for finance to adjust; the numbers are examples, not MS's chart. */
export const defaultBookkeepingChart: Omit<BookkeepingChart, 'ledgerOpensOn' | 'updatedAt'> = {
  id: bookkeepingChartId,
  accounts: [
    { number: '1010', description: 'Medlemskontingent' },
    { number: '1020', description: 'Kollektive medlemmer' },
    { number: '1030', description: 'Fast støtte' },
    { number: '1040', description: 'Donationer' },
  ],
  accountByAgreementKind: { membership: '1010', regular_support: '1030', one_off: '1040' },
  contraAccounts: [
    { channel: 'betalingsservice', number: '5810', description: 'NETS/BS' },
    { channel: 'giro', number: '5820', description: 'GIRO' },
    { channel: 'invoice', number: '5830', description: 'Faktura' },
    { channel: 'sms', number: '5840', description: 'SMS' },
    { channel: 'mobilepay', number: '5850', description: 'MobilePay' },
    { channel: 'card', number: '5860', description: 'Kort' },
    { channel: 'bank_transfer', number: '5870', description: 'Bankoverførsel' },
    { channel: 'consumer_society', number: '5880', description: 'Brugsforening' },
  ],
  importPolicies: [
    { source: 'invoice', posting: 'already_posted', channel: 'invoice' },
    { source: 'bank_transfer', posting: 'already_posted', channel: 'bank_transfer' },
    { source: 'mobilepay_business', posting: 'to_post', channel: 'mobilepay' },
  ],
};
