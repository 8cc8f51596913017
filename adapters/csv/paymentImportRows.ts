import type { ImportedPaymentRow, RowProblem } from '../../domain/bookkeeping/ImportedPaymentRow.js';
import { parseDanishDate } from './danishDates.js';
import { parseDanishAmount } from './danishNumbers.js';
import { type ColumnAliases, columnsByAlias, isBlankRow, valueCountProblem, valueOf } from './importColumns.js';
import { parseCsv } from './parseCsv.js';

/** Column names accepted per field (Danish and English), from MobilePay, bank and invoice exports. */
export const paymentColumnAliases = {
  reference: ['transaktions-id', 'transaktionsid', 'transaction id', 'transactionid', 'fakturanr', 'fakturanummer', 'invoice number', 'reference', 'posteringsid', 'bilagsnr'],
  date: ['dato', 'date', 'betalingsdato', 'bogføringsdato', 'fakturadato', 'payment date'],
  amount: ['beløb', 'belob', 'amount', 'beløb (dkk)'],
  campaignCode: ['kampagnekode', 'campaign code', 'campaigncode', 'campaign', 'kampagne'],
} as const satisfies ColumnAliases<'reference' | 'date' | 'amount' | 'campaignCode'>;

/**
 * [BetalingUdenomOF][Rapportering3] Reads a file of payments made outside OF (a MobilePay
 * business-platform transaction export, a bank-transfer list, an invoice/EAN list) into payment
 * rows: reference, date (dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd), amount (Danish or
 * bank notation, into øre) and an optional campaign code, each found by any of its column names
 * (`paymentColumnAliases`, without regard to case). All other columns (payer names, phone numbers,
 * messages, fees) are ignored on purpose: the engine does not keep them.
 *
 * A file without a reference, date or amount column is refused (`MissingImportColumnsError`). A row
 * that cannot be read is reported by line and field, and good rows are returned all the same: a row
 * with more or fewer values than the header, a blank or unreadable value, or a reference already on
 * an earlier line of the file (reported on the later line). Rows with only empty values are skipped.
 */
export function paymentImportRows(text: string): { rows: ImportedPaymentRow[]; problems: RowProblem[] } {
  const { columns, rows: csvRows } = parseCsv(text);
  const column = columnsByAlias(columns, paymentColumnAliases, ['reference', 'date', 'amount']);
  const rows: ImportedPaymentRow[] = [];
  const problems: RowProblem[] = [];
  const lineOfReference = new Map<string, number>();
  for (const csvRow of csvRows) {
    if (isBlankRow(csvRow)) continue;
    const countProblem = valueCountProblem(csvRow, columns.length);
    if (countProblem) {
      problems.push(countProblem);
      continue;
    }
    const { line } = csvRow;
    const rowProblems: RowProblem[] = [];
    const problem = (field: string, text: string) => rowProblems.push({ line, field, problem: text });

    const reference = valueOf(csvRow, column.reference);
    if (!reference) problem('reference', 'required');
    else if (lineOfReference.has(reference)) problem('reference', `"${reference}" is also on line ${lineOfReference.get(reference)}`);
    else lineOfReference.set(reference, line);

    const dateText = valueOf(csvRow, column.date);
    const date = dateText ? parseDanishDate(dateText) : { problem: 'required' };
    if ('problem' in date) problem('date', date.problem);

    const amountText = valueOf(csvRow, column.amount);
    const amount = amountText ? parseDanishAmount(amountText) : { problem: 'required' };
    if ('problem' in amount) problem('amount', amount.problem);

    const campaignCode = valueOf(csvRow, column.campaignCode);
    if (rowProblems.length > 0 || 'problem' in date || 'problem' in amount) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({ line, reference, date: date.date, amountOre: amount.ore, ...(campaignCode && { campaignCode }) });
  }
  return { rows, problems };
}
