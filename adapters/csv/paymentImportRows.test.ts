import { describe, expect, it } from 'vitest';
import { MissingImportColumnsError } from '../../domain/forms/errors.js';
import { MalformedCsvError } from './parseCsv.js';
import { paymentImportRows } from './paymentImportRows.js';

const file = (...lines: string[]) => lines.join('\r\n');

describe('paymentImportRows', () => {
  it('[BetalingUdenomOF][Rapportering3] reads a MobilePay business-platform export, leaving out names, phone numbers and messages', () => {
    const text = file(
      '\uFEFFTransaktions-ID;Dato;Beløb;Navn;Telefonnummer;Besked;Kampagnekode',
      '9F2A11C0;15-03-2026;150,00;Anna Hansen;+4512345678;Til Gaza;DON_SMS_RF_Gaza2026',
      '9F2A11C1;15.03.2026;1.000,00;Bo Jensen;+4587654321;;',
      '9F2A11C2;16/03/2026;-150,00;Anna Hansen;+4512345678;Refundering;DON_SMS_RF_Gaza2026',
    );
    const { rows, problems } = paymentImportRows(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, reference: '9F2A11C0', date: '2026-03-15', amountOre: 15000, campaignCode: 'DON_SMS_RF_Gaza2026' },
      { line: 3, reference: '9F2A11C1', date: '2026-03-15', amountOre: 100000 },
      { line: 4, reference: '9F2A11C2', date: '2026-03-16', amountOre: -15000, campaignCode: 'DON_SMS_RF_Gaza2026' },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Anna|4512345678|Gaza"|Refundering/);
  });

  it('[BetalingUdenomOF][Rapportering3] reads an English comma-separated MobilePay export with dot decimals and ISO dates', () => {
    const text = file('TransactionId,Date,Amount,Message', 'abc-1,2026-03-15,150.00,hej', 'abc-2,2026-03-15,"1,000.5",x');
    const { rows, problems } = paymentImportRows(text);
    expect(rows).toEqual([{ line: 2, reference: 'abc-1', date: '2026-03-15', amountOre: 15000 }]);
    expect(problems).toEqual([{ line: 3, field: 'amount', problem: 'not an amount: "1,000.5"' }]);
  });

  it('[BetalingUdenomOF][Rapportering3] reads a bank-transfer list (bogføringsdato, posteringsid, amounts in kr.)', () => {
    const text = file('Bogføringsdato;Tekst;Beløb (DKK);Saldo;Posteringsid', '02-01-2026;Overførsel K. Nielsen;2.500,00 kr.;12.500,00;B-77812', '03-01-2026;Overførsel NN;250;12.750,00;B-77813');
    expect(paymentImportRows(text)).toEqual({
      rows: [
        { line: 2, reference: 'B-77812', date: '2026-01-02', amountOre: 250000 },
        { line: 3, reference: 'B-77813', date: '2026-01-03', amountOre: 25000 },
      ],
      problems: [],
    });
  });

  it('[BetalingUdenomOF][Rapportering3] reads an invoice/EAN list, taking the payment date over the invoice date', () => {
    const text = file('Fakturanr;Fakturadato;Betalingsdato;EAN;Kunde;Beløb;Kampagne', '10045;01-02-2026;20-02-2026;5790000123456;Aarhus Kommune;12.000,00;MEM-DON_NRF_Kommuner');
    expect(paymentImportRows(text)).toEqual({
      rows: [{ line: 2, reference: '10045', date: '2026-02-20', amountOre: 1200000, campaignCode: 'MEM-DON_NRF_Kommuner' }],
      problems: [],
    });
  });

  it('matches column names without regard to case or extra spaces', () => {
    const text = file('INVOICE  NUMBER,PAYMENT DATE,AMOUNT,Campaign Code', 'F1,01-02-2026,10,C1');
    expect(paymentImportRows(text).rows).toEqual([{ line: 2, reference: 'F1', date: '2026-02-01', amountOre: 1000, campaignCode: 'C1' }]);
  });

  it('[BetalingUdenomOF][Rapportering3] reports bad rows by line and field and returns the good ones', () => {
    const text = file(
      'Reference;Dato;Beløb',
      'R1;01-03-2026;100,00',
      ';01-03-2026;100,00',
      'R3;01-03-2026;12,3,4',
      'R4;31-02-2026;100,00',
      'R5;01-03-2026',
      'R1;02-03-2026;50,00',
      'R7;;1.234',
      'R8;05-03-2026;-75,5',
    );
    const { rows, problems } = paymentImportRows(text);
    expect(rows).toEqual([
      { line: 2, reference: 'R1', date: '2026-03-01', amountOre: 10000 },
      { line: 9, reference: 'R8', date: '2026-03-05', amountOre: -7550 },
    ]);
    expect(problems).toEqual([
      { line: 3, field: 'reference', problem: 'required' },
      { line: 4, field: 'amount', problem: 'not an amount: "12,3,4"' },
      { line: 5, field: 'date', problem: 'no such date: "31-02-2026"' },
      { line: 6, field: 'row', problem: 'has 2 values; the header has 3 columns' },
      { line: 7, field: 'reference', problem: '"R1" is also on line 2' },
      { line: 8, field: 'date', problem: 'required' },
      { line: 8, field: 'amount', problem: expect.stringMatching(/^ambiguous amount: "1.234"/) },
    ]);
  });

  it('reports a reference repeated after a bad first row on the repeat, and keeps neither', () => {
    const text = file('Reference;Dato;Beløb', 'R1;01-03-2026;x', 'R1;01-03-2026;10');
    expect(paymentImportRows(text)).toEqual({
      rows: [],
      problems: [
        { line: 2, field: 'amount', problem: 'not an amount: "x"' },
        { line: 3, field: 'reference', problem: '"R1" is also on line 2' },
      ],
    });
  });

  it('skips rows of only empty values, as Excel writes below the data, and counts lines in the file', () => {
    const text = file('Reference;Dato;Beløb', ';;', 'R1;01-03-2026;10', '', ';;');
    expect(paymentImportRows(text)).toEqual({ rows: [{ line: 3, reference: 'R1', date: '2026-03-01', amountOre: 1000 }], problems: [] });
  });

  it('[BetalingUdenomOF] refuses a file without reference, date or amount, naming each missing column and its accepted names', () => {
    const text = file('Navn;Besked;Kampagnekode', 'Anna;hej;C1');
    let error: unknown;
    try {
      paymentImportRows(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingImportColumnsError);
    const { fields, message } = error as MissingImportColumnsError;
    expect(fields.map(({ field }) => field)).toEqual(['reference', 'date', 'amount']);
    expect(fields[0]!.problem).toContain('"transaktions-id"');
    expect(fields[0]!.problem).toContain('"bilagsnr"');
    expect(fields[1]!.problem).toContain('"bogføringsdato"');
    expect(fields[2]!.problem).toContain('"beløb (dkk)"');
    expect(message).toMatch(/reference .*date .*amount/);
  });

  it('refuses a file with only the amount missing, naming only that column', () => {
    expect(() => paymentImportRows(file('Reference;Dato;Sum', 'R1;01-03-2026;10'))).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'amount' })] }));
  });

  it('lets a file that is no CSV through as MalformedCsvError', () => {
    expect(() => paymentImportRows('Reference;Dato;Beløb\r\n"R1;01-03-2026;10')).toThrow(MalformedCsvError);
  });
});
