/** BC's blank GUID: what an unset id property (accountId, balancingAccountId) holds. */
export const blankGuid = '00000000-0000-0000-0000-000000000000';

/** The one account type the simulator keeps lines for (BC also has Customer, Vendor, Bank Account, …). */
export const glAccountType = 'G/L Account';

/** BC's Gen. Journal Account Type enum as the API names it. */
export const journalAccountTypes = ['G/L Account', 'Customer', 'Vendor', 'Bank Account', 'Fixed Asset', 'IC Partner', 'Employee', 'Allocation Account'] as const;

export interface CompanyRecord {
  id: string;
  name: string;
  displayName: string;
  createdAt: string;
}

export interface GlAccount {
  id: string;
  number: string;
  displayName: string;
  category: string;
  blocked: boolean;
  lastModifiedDateTime: string;
}

export interface DimensionValue {
  id: string;
  code: string;
  displayName: string;
}

export interface Dimension {
  id: string;
  code: string;
  displayName: string;
  /** True when the setup lists no values: any value code is accepted and kept on first use. */
  acceptsAnyValue: boolean;
  /** By value code. */
  values: Map<string, DimensionValue>;
  lastModifiedDateTime: string;
}

/** One dimension of a journal line's dimension set. */
export interface DimensionSetLine {
  dimensionId: string;
  code: string;
  displayName: string;
  valueId: string;
  valueCode: string;
  valueDisplayName: string;
}

/** The journal line fields a client sets (after BC's validation: codes upper-cased, amount rounded). */
export interface JournalLineFields {
  /** 0: the next free number (the last line's + 10000). */
  lineNumber: number;
  accountType: string;
  accountId: string;
  accountNumber: string;
  /** YYYY-MM-DD. */
  postingDate: string;
  documentNumber: string;
  externalDocumentNumber: string;
  /** Decimal DKK, rounded to øre as BC does. */
  amount: number;
  description: string;
  comment: string;
  taxCode: string;
  balanceAccountType: string;
  balancingAccountId: string;
  balancingAccountNumber: string;
}

export interface JournalLine extends JournalLineFields {
  id: string;
  journalId: string;
  /** Instant (UTC) of the last change, the line's dimension set included. */
  lastModifiedDateTime: string;
  /** Counts changes; the ETag is made from it. */
  version: number;
  dimensionSetLines: DimensionSetLine[];
}

export interface Journal {
  id: string;
  code: string;
  displayName: string;
  templateDisplayName: string;
  lastModifiedDateTime: string;
  /** In line number order. */
  lines: JournalLine[];
}

/** A line that was in a journal when it was posted (BC then deletes it from the journal). */
export interface PostedJournalLine extends JournalLine {
  journalCode: string;
  postedAt: string;
}

/**
 * A G/L entry (BC: table "G/L Entry"): posting a journal line leaves one on the line's account and
 * one on its balancing account. Read-only in the API.
 */
export interface GlEntry {
  id: string;
  /** "Entry No.": 1, 2, 3, … across the company, in posting order. */
  entryNumber: number;
  /** YYYY-MM-DD, the journal line's. */
  postingDate: string;
  documentNumber: string;
  /** BC's Gen. Journal Document Type: blank (' ') for the simulator's lines, which have none. */
  documentType: string;
  accountId: string;
  accountNumber: string;
  description: string;
  /** Decimal DKK, 0 or positive; at most one of debitAmount and creditAmount is not 0. */
  debitAmount: number;
  creditAmount: number;
  /** Instant (UTC) it was posted. */
  lastModifiedDateTime: string;
  /** The posted journal line's dimension set (both of a line's entries carry it, as in BC). */
  dimensionSetLines: DimensionSetLine[];
}
