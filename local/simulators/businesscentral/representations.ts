import type { CompanyRecord, Dimension, DimensionSetLine, GlAccount, GlEntry, Journal, JournalLine, JournalLineFields } from './entities.js';
import { blankGuid } from './entities.js';

export type Representation = Record<string, unknown>;

/** The version of BC the simulated API says it is (companies' systemVersion). */
const systemVersion = '25.0.0.0';

/** An entity type of the API: its OData name (`Microsoft.NAV.<name>`) and its properties in BC's order. */
export interface EntityType {
  name: string;
  properties: readonly string[];
}

export const companyType: EntityType = {
  name: 'company',
  properties: ['id', 'systemVersion', 'timestamp', 'name', 'displayName', 'businessProfileId', 'systemCreatedAt', 'systemCreatedBy', 'systemModifiedAt', 'systemModifiedBy'],
};
export const journalType: EntityType = {
  name: 'journal',
  properties: ['id', 'code', 'displayName', 'templateDisplayName', 'lastModifiedDateTime', 'balancingAccountId', 'balancingAccountNumber'],
};
export const journalLineType: EntityType = {
  name: 'journalLine',
  properties: [
    'id',
    'journalId',
    'journalDisplayName',
    'lineNumber',
    'accountType',
    'accountId',
    'accountNumber',
    'postingDate',
    'documentNumber',
    'externalDocumentNumber',
    'amount',
    'description',
    'comment',
    'taxCode',
    'balanceAccountType',
    'balancingAccountId',
    'balancingAccountNumber',
    'lastModifiedDateTime',
  ],
};
export const dimensionSetLineType: EntityType = {
  name: 'dimensionSetLine',
  properties: ['id', 'code', 'consolidationCode', 'parentId', 'parentType', 'displayName', 'valueId', 'valueCode', 'valueConsolidationCode', 'valueDisplayName'],
};
export const generalLedgerEntryType: EntityType = {
  name: 'generalLedgerEntry',
  properties: ['id', 'entryNumber', 'postingDate', 'documentNumber', 'documentType', 'accountId', 'accountNumber', 'description', 'debitAmount', 'creditAmount', 'lastModifiedDateTime'],
};
export const dimensionType: EntityType = { name: 'dimension', properties: ['id', 'code', 'displayName', 'consolidationCode', 'lastModifiedDateTime'] };
export const accountType: EntityType = {
  name: 'account',
  properties: ['id', 'number', 'displayName', 'category', 'subCategory', 'blocked', 'accountType', 'directPosting', 'netChange', 'lastModifiedDateTime'],
};

export function companyRepresentation(company: CompanyRecord): Representation {
  return {
    id: company.id,
    systemVersion,
    timestamp: 1,
    name: company.name,
    displayName: company.displayName,
    businessProfileId: '',
    systemCreatedAt: company.createdAt,
    systemCreatedBy: blankGuid,
    systemModifiedAt: company.createdAt,
    systemModifiedBy: blankGuid,
  };
}

export function journalRepresentation(journal: Journal): Representation {
  return {
    id: journal.id,
    code: journal.code,
    displayName: journal.displayName,
    templateDisplayName: journal.templateDisplayName,
    lastModifiedDateTime: journal.lastModifiedDateTime,
    balancingAccountId: blankGuid,
    balancingAccountNumber: '',
  };
}

/** A journal line as the API shows it (a type alias, so that it is a `Representation`). */
export type JournalLineJson = { id: string; journalId: string; journalDisplayName: string } & { [K in keyof JournalLineFields]: JournalLineFields[K] } & {
  lastModifiedDateTime: string;
};

export function journalLineRepresentation(line: JournalLine, journalCode: string): JournalLineJson {
  return {
    id: line.id,
    journalId: line.journalId,
    journalDisplayName: journalCode,
    lineNumber: line.lineNumber,
    accountType: line.accountType,
    accountId: line.accountId,
    accountNumber: line.accountNumber,
    postingDate: line.postingDate,
    documentNumber: line.documentNumber,
    externalDocumentNumber: line.externalDocumentNumber,
    amount: line.amount,
    description: line.description,
    comment: line.comment,
    taxCode: line.taxCode,
    balanceAccountType: line.balanceAccountType,
    balancingAccountId: line.balancingAccountId,
    balancingAccountNumber: line.balancingAccountNumber,
    lastModifiedDateTime: line.lastModifiedDateTime,
  };
}

/** What a dimension set line belongs to: its id and BC's Dimension Set Entry Buffer parent type. */
export interface DimensionSetParent {
  id: string;
  type: 'Journal Line' | 'General Ledger Entry';
}

export function dimensionSetLineRepresentation(dimensionSetLine: DimensionSetLine, parent: DimensionSetParent): Representation {
  return {
    id: dimensionSetLine.dimensionId,
    code: dimensionSetLine.code,
    consolidationCode: '',
    parentId: parent.id,
    parentType: parent.type,
    displayName: dimensionSetLine.displayName,
    valueId: dimensionSetLine.valueId,
    valueCode: dimensionSetLine.valueCode,
    valueConsolidationCode: '',
    valueDisplayName: dimensionSetLine.valueDisplayName,
  };
}

export function generalLedgerEntryRepresentation(entry: GlEntry): Representation {
  return {
    id: entry.id,
    entryNumber: entry.entryNumber,
    postingDate: entry.postingDate,
    documentNumber: entry.documentNumber,
    documentType: entry.documentType,
    accountId: entry.accountId,
    accountNumber: entry.accountNumber,
    description: entry.description,
    debitAmount: entry.debitAmount,
    creditAmount: entry.creditAmount,
    lastModifiedDateTime: entry.lastModifiedDateTime,
  };
}

export function dimensionRepresentation(dimension: Dimension): Representation {
  return { id: dimension.id, code: dimension.code, displayName: dimension.displayName, consolidationCode: '', lastModifiedDateTime: dimension.lastModifiedDateTime };
}

export function accountRepresentation(account: GlAccount): Representation {
  return {
    id: account.id,
    number: account.number,
    displayName: account.displayName,
    category: account.category,
    subCategory: '',
    blocked: account.blocked,
    accountType: 'Posting',
    directPosting: true,
    netChange: 0,
    lastModifiedDateTime: account.lastModifiedDateTime,
  };
}

/** A weak ETag in BC's style (base64 of a quoted version string); opaque to clients. */
export function etagOf(id: string, version: number): string {
  return `W/"${Buffer.from(`'${id.replace(/-/g, '').slice(0, 16)};${version}0;'`).toString('base64')}"`;
}
