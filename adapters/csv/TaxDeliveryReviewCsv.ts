import { stringify } from 'csv-stringify/sync';
import { formatDanishAmount } from './danishNumbers.js';
import type { DeliveryLine, TaxDeliveryFormat } from '../../domain/taxreport/taxDeliveryFile.js';
import type { TaxDelivery } from '../../domain/taxreport/TaxDelivery.js';

const headings = ['Leverance', 'Indkomstår', 'CVR', 'SE', 'CPR', 'Person-id', 'Art', 'Gaver § 8 A (kr)', 'Løbende ydelser § 12 (kr)'];

/**
 * [Skatteindberetning] A delivery as a list finance can check in Excel and key into SKAT's own
 * system: one row per giver with the CPR number, first report or correction, and the amounts of the
 * two kinds apart (kroner with a decimal comma). Semicolons, CRLF and a byte-order mark, as Danish
 * Excel reads them. This is not SKAT's file format: that belongs in an adapter of its own, written
 * from SKAT's "Opbygning af fil".
 */
export const taxDeliveryReviewCsv: TaxDeliveryFormat = {
  name: 'review-csv',
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  render(delivery: TaxDelivery, lines: DeliveryLine[]): Uint8Array {
    const rows = lines.map((line) => [
      String(delivery.deliveryNumber),
      String(delivery.year),
      delivery.reporter.cvr,
      delivery.reporter.se,
      line.cpr,
      line.personId,
      line.kind === 'report' ? 'indberetning' : 'rettelse',
      formatDanishAmount(line.giftsOre),
      formatDanishAmount(line.ongoingOre),
    ]);
    return Buffer.from(stringify(rows, { header: true, columns: headings, delimiter: ';', record_delimiter: '\r\n', bom: true }), 'utf8');
  },
};
