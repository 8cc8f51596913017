import type { ColumnType, NavigationProperty, TableDefinition } from './tableDefinitions.js';

const text = (maxLength: number): ColumnType => ({ kind: 'string', maxLength });
const decimal: ColumnType = { kind: 'decimal' };
const date: ColumnType = { kind: 'date' };
const datetime: ColumnType = { kind: 'datetime' };

/**
 * The lookups of the mirror tables. The navigation property has the lookup's name, all lower case:
 * in Dataverse it is the lookup's schema name, so the MS solution must create these lookups with
 * lower-case schema names (or the engine's names must follow the solution's).
 */
const lookups = {
  contact: { msengine_contactid: { lookup: 'msengine_contactid', targetEntitySet: 'contacts' } },
  agreement: { msengine_agreementid: { lookup: 'msengine_agreementid', targetEntitySet: 'msengine_agreements' } },
  subscription: { msengine_subscriptionid: { lookup: 'msengine_subscriptionid', targetEntitySet: 'msengine_subscriptions' } },
  paymentMethod: { msengine_paymentmethodid: { lookup: 'msengine_paymentmethodid', targetEntitySet: 'msengine_paymentmethods' } },
} satisfies Record<string, Record<string, NavigationProperty>>;

/** Every mirror table has the OF id (its primary name column) and OF's last-modified instant (UTC). */
const ofColumns: Record<string, ColumnType> = {
  msengine_ofid: text(100),
  msengine_ofupdatedon: datetime,
};

/**
 * The custom tables of MS's solution (publisher prefix `msengine_`) that mirror OnlineFundraising's
 * entities other than the contact. The key of each row is the engine's id of the OF entity. Amounts
 * are decimals in DKK (kroner); `…date` columns are dates only, `…on` columns are instants in UTC.
 */
export const mirrorTableDefinitions: Record<string, TableDefinition> = {
  msengine_agreements: {
    logicalName: 'msengine_agreement',
    primaryKey: 'msengine_agreementid',
    columns: {
      ...ofColumns,
      msengine_kind: text(50),
      msengine_status: text(50),
      msengine_campaigncode: text(100),
      msengine_purpose: text(200),
      msengine_restricted: { kind: 'boolean' },
      msengine_startdate: date,
      msengine_enddate: date,
      msengine_cancellationreason: text(1000),
    },
    navigationProperties: { ...lookups.contact },
  },
  msengine_subscriptions: {
    logicalName: 'msengine_subscription',
    primaryKey: 'msengine_subscriptionid',
    columns: {
      ...ofColumns,
      msengine_amount: decimal,
      msengine_frequency: text(50),
      msengine_status: text(50),
      msengine_cancellationreason: text(1000),
      msengine_cancelledby: text(50),
      msengine_nextchargedate: date,
      msengine_pauseduntil: date,
    },
    navigationProperties: { ...lookups.agreement },
  },
  msengine_paymentmethods: {
    logicalName: 'msengine_paymentmethod',
    primaryKey: 'msengine_paymentmethodid',
    columns: {
      ...ofColumns,
      msengine_type: text(50),
      msengine_status: text(50),
      msengine_statusreason: text(1000),
      msengine_maskedreference: text(50),
    },
    navigationProperties: { ...lookups.contact, ...lookups.agreement },
  },
  msengine_payments: {
    logicalName: 'msengine_payment',
    primaryKey: 'msengine_paymentid',
    columns: {
      ...ofColumns,
      msengine_amount: decimal,
      msengine_status: text(50),
      msengine_statusreason: text(1000),
      msengine_duedate: date,
      msengine_paiddate: date,
      msengine_channel: text(50),
      msengine_campaigncode: text(100),
      msengine_purpose: text(200),
    },
    navigationProperties: { ...lookups.contact, ...lookups.agreement, ...lookups.subscription, ...lookups.paymentMethod },
  },
  msengine_addons: {
    logicalName: 'msengine_addon',
    primaryKey: 'msengine_addonid',
    columns: {
      ...ofColumns,
      msengine_name: text(200),
      msengine_amount: decimal,
      msengine_status: text(50),
    },
    navigationProperties: { ...lookups.agreement, ...lookups.subscription },
  },
  msengine_datasets: {
    logicalName: 'msengine_dataset',
    primaryKey: 'msengine_datasetid',
    columns: {
      ...ofColumns,
      msengine_kind: text(50),
      msengine_phone: text(50),
      msengine_receivedon: datetime,
      msengine_keyword: text(100),
      msengine_text: text(2000),
      msengine_formid: text(100),
      msengine_campaigncode: text(100),
      /** Every field as submitted, as a JSON object. */
      msengine_fields: text(4000),
    },
    navigationProperties: { ...lookups.contact },
  },
};
