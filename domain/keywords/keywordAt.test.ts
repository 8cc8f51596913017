import { describe, expect, it } from 'vitest';
import { keywordAt } from './keywordAt.js';
import { type SmsKeyword, defaultSmsKeywords } from './SmsKeyword.js';

const klima2025: SmsKeyword = {
  keyword: 'KLIMA',
  campaignCode: 'KLIMA-2025',
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2026-06-01T00:00:00.000Z',
  action: { kind: 'add-to-marketing-list', list: 'klima-nyheder' },
};
const klima2026: SmsKeyword = { keyword: 'KLIMA', campaignCode: 'KLIMA-2026', validFrom: '2026-06-01T00:00:00.000Z', action: { kind: 'create-signature', petitionId: 'p-7' } };
const table = { assignments: [...defaultSmsKeywords, klima2025, klima2026] };

describe('the keyword in force', () => {
  it('[OnlineFundraising9] a reused keyword is the old campaign\'s until the hand-over instant and the new one\'s from it', () => {
    expect(keywordAt(table, 'KLIMA', new Date('2026-05-31T23:59:59.999Z'))).toBe(klima2025);
    expect(keywordAt(table, 'KLIMA', new Date('2026-06-01T00:00:00.000Z'))).toBe(klima2026);
    expect(keywordAt(table, 'KLIMA', new Date('2040-01-01T00:00:00.000Z'))).toBe(klima2026);
  });

  it('[OnlineFundraising8] the keyword is found whatever its case and the spaces around it, Danish letters included', () => {
    const grøn: SmsKeyword = { keyword: 'GRØN', campaignCode: 'GRØN-2026', validFrom: '2026-01-01T00:00:00.000Z', action: { kind: 'none' } };
    const at = new Date('2026-03-01T12:00:00.000Z');
    expect(keywordAt(table, '  klima ', at)).toBe(klima2025);
    expect(keywordAt({ assignments: [grøn] }, 'grøn', at)).toBe(grøn);
  });

  it('[OnlineFundraising8] before its first period, or a keyword never assigned, nothing is in force', () => {
    expect(keywordAt(table, 'KLIMA', new Date('2024-12-31T23:59:59.999Z'))).toBeUndefined();
    expect(keywordAt(table, 'UKENDT', new Date('2026-03-01T12:00:00.000Z'))).toBeUndefined();
  });

  it('[OnlineFundraising8] STOP and AFMELD withdraw SMS consent by default', () => {
    const at = new Date('2026-03-01T12:00:00.000Z');
    expect(keywordAt(table, 'stop', at)).toMatchObject({ campaignCode: 'SMS-AFMELD', action: { kind: 'withdraw-sms-consent' } });
    expect(keywordAt(table, 'Afmeld', at)).toMatchObject({ campaignCode: 'SMS-AFMELD', action: { kind: 'withdraw-sms-consent' } });
  });
});
