import { describe, expect, it } from 'vitest';
import { periodProblems } from './periodProblems.js';
import type { SmsKeyword } from './SmsKeyword.js';

const assignment = (fields: Partial<SmsKeyword>): SmsKeyword => ({
  keyword: 'KLIMA',
  campaignCode: 'KLIMA-2025',
  validFrom: '2025-01-01T00:00:00.000Z',
  action: { kind: 'none' },
  ...fields,
});

describe('keyword table periods', () => {
  it('[OnlineFundraising9] back-to-back periods of one keyword are fine: the end is exclusive', () => {
    const table = [
      assignment({ validTo: '2026-06-01T00:00:00.000Z' }),
      assignment({ campaignCode: 'KLIMA-2026', validFrom: '2026-06-01T02:00:00+02:00' }),
      assignment({ keyword: 'STOP', campaignCode: 'SMS-AFMELD', validFrom: '2000-01-01T00:00:00.000Z' }),
    ];
    expect(periodProblems(table)).toEqual([]);
  });

  it('[OnlineFundraising9] an overlap is named on the assignment that starts later, with the one it overlaps', () => {
    const table = [
      assignment({ keyword: 'STOP', campaignCode: 'SMS-AFMELD' }),
      assignment({ campaignCode: 'KLIMA-2026', validFrom: '2026-05-01T00:00:00.000Z' }),
      assignment({ validTo: '2026-06-01T00:00:00.000Z' }),
    ];
    expect(periodProblems(table)).toEqual([
      { field: 'assignments.1.validFrom', problem: 'overlaps KLIMA for campaign KLIMA-2025 from 2025-01-01T00:00:00.000Z to 2026-06-01T00:00:00.000Z' },
    ]);
  });

  it('[OnlineFundraising9] keywords differing only in case or spaces are the same keyword', () => {
    const table = [assignment({}), assignment({ keyword: ' klima', campaignCode: 'OTHER', validFrom: '2030-01-01T00:00:00.000Z' })];
    expect(periodProblems(table)).toEqual([{ field: 'assignments.1.validFrom', problem: 'overlaps KLIMA for campaign KLIMA-2025 from 2025-01-01T00:00:00.000Z to no end' }]);
  });

  it('[OnlineFundraising9] an end not after the start, and instants that are not ISO instants, are refused by field', () => {
    const table = [
      assignment({ validTo: '2025-01-01T00:00:00.000Z' }),
      assignment({ keyword: 'HAV', validFrom: '2026-02-30T00:00:00Z' }),
      assignment({ keyword: 'SKOV', validTo: 'next year' }),
      assignment({ keyword: 'JORD', validFrom: '2026-03-01' }),
    ];
    expect(periodProblems(table)).toEqual([
      { field: 'assignments.0.validTo', problem: 'must be after validFrom' },
      { field: 'assignments.1.validFrom', problem: 'not an ISO 8601 instant with an offset' },
      { field: 'assignments.2.validTo', problem: 'not an ISO 8601 instant with an offset' },
      { field: 'assignments.3.validFrom', problem: 'not an ISO 8601 instant with an offset' },
    ]);
  });
});
