import type { JournalLineToSend } from '../../domain/bookkeeping/GeneralJournal.js';

/**
 * The journalLines POST body for one posting line. Both sides are G/L accounts: the income account
 * is the line's account and the payment channel's contra account its balancing account.
 *
 * Sign: a positive amount on a BC journal line debits the account and credits the balancing
 * account. Money received is income, a credit on the income account (and a debit on the contra
 * account), so the amount is the lump sum negated: 1,250.50 DKK received is -1250.5; a run whose
 * refunds outweigh its payments gives a positive amount. Øre become a decimal number of DKK.
 */
export function journalLineBody(line: JournalLineToSend): Record<string, unknown> {
  return {
    accountType: 'G/L Account',
    accountNumber: line.accountNumber,
    postingDate: line.postingDate,
    documentNumber: line.documentNumber,
    externalDocumentNumber: line.externalDocumentNumber,
    amount: line.lumpSumOre === 0 ? 0 : -line.lumpSumOre / 100,
    description: line.description,
    balanceAccountType: 'G/L Account',
    balancingAccountNumber: line.contraAccountNumber,
  };
}

/**
 * BC keeps document numbers as Code fields: trimmed and upper-cased. A number sent otherwise would
 * come back from `linesAlreadySent` changed and never match, so the line would be sent again.
 */
export function checkCodeFields(line: JournalLineToSend): void {
  for (const field of ['documentNumber', 'externalDocumentNumber'] as const) {
    const value = line[field];
    if (value !== value.trim().toUpperCase()) {
      throw new RangeError(`${field} '${value}' must be upper case without surrounding spaces: Business Central stores it as '${value.trim().toUpperCase()}'`);
    }
  }
}
