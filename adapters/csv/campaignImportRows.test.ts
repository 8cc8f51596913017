import { describe, expect, it } from 'vitest';
import { MissingImportColumnsError } from '../../domain/forms/errors.js';
import { campaignImportRows } from './campaignImportRows.js';

const now = '2026-03-01T09:00:00.000Z';
const file = (...lines: string[]) => lines.join('\r\n');

describe('campaignImportRows', () => {
  it('[Kampagnemodel] reads finance’s table with its dimensions, taking restriction, source and kind from the name', () => {
    const text = file('\uFEFFKampagnekode;Navn;Konto;Sag;Sagsopgave', 'GAZA26;DON_WEB_RF_Gaza2026;1010;P-200;BL-3', 'FAST;MEM-DON_PHONE_NRF_Medlem;;;');
    expect(campaignImportRows(text, now)).toEqual({
      campaigns: [
        { code: 'GAZA26', name: 'DON_WEB_RF_Gaza2026', restricted: true, source: 'WEB', kind: 'DON', accountNumber: '1010', project: 'P-200', budgetLine: 'BL-3', updatedAt: now },
        { code: 'FAST', name: 'MEM-DON_PHONE_NRF_Medlem', restricted: false, source: 'PHONE', kind: 'MEM-DON', updatedAt: now },
      ],
      problems: [],
    });
  });

  it('[Kampagnemodel] accepts the legacy GF as NRF, in the name and in the column', () => {
    const text = file('code,name,restricted', 'OLD1,ONE-OFF_SMS_GF_Jul2019,', 'OLD2,Julegave 2019,GF');
    const { campaigns, problems } = campaignImportRows(text, now);
    expect(problems).toEqual([]);
    expect(campaigns.map(({ code, restricted }) => ({ code, restricted }))).toEqual([
      { code: 'OLD1', restricted: false },
      { code: 'OLD2', restricted: false },
    ]);
  });

  it('[Kampagnemodel] marks _RF campaigns restricted, and reads the øremærket column as ja/nej, yes/no, true/false, RF/NRF', () => {
    const text = file(
      'Kampagnekode;Kampagnenavn;Øremærket',
      'A;Nødhjælp_RF;',
      'B;Nødhjælp;ja',
      'C;Nødhjælp;Nej',
      'D;Nødhjælp;YES',
      'E;Nødhjælp;no',
      'F;Nødhjælp;true',
      'G;Nødhjælp;FALSE',
      'H;Nødhjælp;rf',
      'I;Nødhjælp;NRF',
    );
    const { campaigns, problems } = campaignImportRows(text, now);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(campaigns.map(({ code, restricted }) => [code, restricted]))).toEqual({ A: true, B: true, C: false, D: true, E: false, F: true, G: false, H: true, I: false });
  });

  it('[Kampagnemodel] takes filled source and kind columns, in any case, and the name’s coding where they are blank', () => {
    const text = file('code;name;restricted;source;kind', 'A;Nødhjælp;ja;web;one-off', 'B;DON_SHOP_RF_Butik;;;', 'C;SMS_NRF_x;;;don');
    expect(campaignImportRows(text, now).campaigns).toEqual([
      { code: 'A', name: 'Nødhjælp', restricted: true, source: 'WEB', kind: 'ONE-OFF', updatedAt: now },
      { code: 'B', name: 'DON_SHOP_RF_Butik', restricted: true, source: 'SHOP', kind: 'DON', updatedAt: now },
      { code: 'C', name: 'SMS_NRF_x', restricted: false, source: 'SMS', kind: 'DON', updatedAt: now },
    ]);
  });

  it('[Kampagnemodel] reports bad rows by line and field and returns the good ones', () => {
    const text = file(
      'Kampagnekode;Navn;Øremærket;Kilde;Type;Konto',
      'OK1;DON_WEB_RF_Gaza;;;;1010',
      'NONE;Sommerkampagne;;;;1010',
      'BAD1;Sommerkampagne;måske;;;1010',
      'BAD2;DON_NRF_x;;EMAIL;;1010',
      'BAD3;NRF_x;;;MONTHLY;1010',
      ';DON_RF_x;;;;1010',
      'NONAME;;ja;;;1010',
      'ok1;DON_RF_y;;;;1010',
      'CLASH;DON_RF_x;nej;;;1010',
      'SHORT;DON_RF_x',
      'OK2;Nødhjælp;nrf;sms;;',
    );
    const { campaigns, problems } = campaignImportRows(text, now);
    expect(campaigns.map(({ code }) => code)).toEqual(['OK1', 'OK2']);
    expect(problems).toEqual([
      { line: 3, field: 'restricted', problem: 'say _RF or _NRF in the name, or fill the column' },
      { line: 4, field: 'restricted', problem: '"måske" is not one of ja, nej, yes, no, true, false, RF, NRF, GF' },
      { line: 5, field: 'source', problem: '"EMAIL" is not one of WEB, SMS, PHONE, SHOP' },
      { line: 6, field: 'kind', problem: '"MONTHLY" is not one of ONE-OFF, DON, MEM-DON' },
      { line: 7, field: 'code', problem: 'required' },
      { line: 8, field: 'name', problem: 'required' },
      { line: 9, field: 'code', problem: '"ok1" is also on line 2' },
      { line: 10, field: 'restricted', problem: 'the column says not restricted (NRF) but the name says restricted (RF); make them agree' },
      { line: 11, field: 'row', problem: 'has 2 values; the header has 6 columns' },
    ]);
  });

  it('[Kampagnemodel] refuses a file without code or name columns, naming the accepted names', () => {
    let error: unknown;
    try {
      campaignImportRows(file('Konto;Sag', '1010;P-1'), now);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingImportColumnsError);
    expect((error as MissingImportColumnsError).fields).toEqual([
      { field: 'code', problem: 'column missing from the header row; name it one of "kampagnekode", "code", "campaign code"' },
      { field: 'name', problem: 'column missing from the header row; name it one of "navn", "name", "kampagnenavn"' },
    ]);
  });

  it('needs no columns beyond code and name when the name carries the coding', () => {
    expect(campaignImportRows(file('Campaign code,Name', 'X,ONE-OFF_WEB_NRF_Vaar'), now).campaigns).toEqual([{ code: 'X', name: 'ONE-OFF_WEB_NRF_Vaar', restricted: false, source: 'WEB', kind: 'ONE-OFF', updatedAt: now }]);
  });
});
