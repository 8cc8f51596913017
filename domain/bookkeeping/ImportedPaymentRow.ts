/** [BetalingUdenomOF][Rapportering3] One payment row of an imported file, read and checked. */
export interface ImportedPaymentRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  /** The source's own transaction reference (invoice number, MobilePay transaction id, bank reference). */
  reference: string;
  /** Business date, YYYY-MM-DD. */
  date: string;
  /** Integer øre; negative for money paid back. */
  amountOre: number;
  campaignCode?: string;
}

/** A row that could not be read, and why, by line and column. */
export type { ImportRowProblem as RowProblem } from '../shared/errors.js';
