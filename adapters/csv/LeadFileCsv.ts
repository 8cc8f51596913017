import { stringify } from 'csv-stringify/sync';
import type { LeadFileFormat } from '../../domain/telemarketing/ports.js';

/**
 * [Leadflow] Lead files as the CSV Danish telemarketing vendors load into their dialers: the headings
 * first, fields separated by semicolons (Danish Excel's list separator), CRLF line endings, UTF-8 with a
 * byte-order mark so æøå survive Excel; csv-stringify quotes a field with a semicolon, quote or line
 * break. The values themselves (8-digit Danish phones, dd-mm-yyyy dates) come from the domain.
 */
export const leadFileCsv: LeadFileFormat = {
  extension: 'csv',
  mediaType: 'text/csv; charset=utf-8',
  render(header: string[], rows: string[][]): Uint8Array {
    return Buffer.from(stringify(rows, { header: true, columns: header, delimiter: ';', record_delimiter: '\r\n', bom: true }), 'utf8');
  },
};
