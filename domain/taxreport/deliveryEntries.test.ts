import { describe, expect, it } from 'vitest';
import { deliveryEntries } from './deliveryEntries.js';
import type { TaxReportMarker } from './TaxReportMarker.js';
import type { TaxStatement } from './TaxStatement.js';

const statement = (personId: string, giftsOre: number, cprKnown = true, ongoingOre = 0): TaxStatement => ({
  id: `2026:${personId}`,
  personId,
  year: 2026,
  gifts: { givenOre: giftsOre, deductibleOre: giftsOre, reportedOre: giftsOre },
  ongoing: { givenOre: ongoingOre, deductibleOre: ongoingOre, reportedOre: ongoingOre },
  membershipPaidOre: 0,
  reported: giftsOre > 0 || ongoingOre > 0,
  runId: 'run-1',
  computedAt: '2027-01-10T10:00:00Z',
  cprKnown,
  ...(cprKnown && { cprLookup: `cpr-of-${personId}` }),
});
const marker = (personId: string, giftsOre: number, deliveryNumber = 1): TaxReportMarker => ({ id: `2026:${personId}:${deliveryNumber}`, personId, cprLookup: `cpr-of-${personId}`, year: 2026, deliveryNumber, kind: 'report', giftsOre, ongoingOre: 0, reportedAt: '2027-01-12T10:00:00Z' });
/** What SKAT holds, by CPR number, as the delivery job reads it. */
const held = (...markers: TaxReportMarker[]) => new Map(markers.map((known) => [known.cprLookup, known]));

describe('deliveryEntries', () => {
  it('[Skatteindberetning] the first delivery reports every giver with something to report and a CPR number; one without CPR waits', () => {
    expect(deliveryEntries([statement('anna', 50_000), statement('bo', 0), statement('carl', 30_000, false)], new Map())).toEqual([{ personId: 'anna', cprLookup: 'cpr-of-anna', kind: 'report', giftsOre: 50_000, ongoingOre: 0 }]);
  });

  it('[Skatteindberetning] a second delivery with nothing changed delivers nobody twice', () => {
    expect(deliveryEntries([statement('anna', 50_000)], held(marker('anna', 50_000)))).toEqual([]);
  });

  it('[Skatteindberetning][Refundering] a gift refunded after the report is corrected in the next delivery, down to nothing when all of it went back', () => {
    const markers = held(marker('anna', 50_000), marker('bo', 20_000));
    expect(deliveryEntries([statement('anna', 30_000), statement('bo', 0)], markers)).toEqual([
      { personId: 'anna', cprLookup: 'cpr-of-anna', kind: 'correction', giftsOre: 30_000, ongoingOre: 0 },
      { personId: 'bo', cprLookup: 'cpr-of-bo', kind: 'correction', giftsOre: 0, ongoingOre: 0 },
    ]);
  });

  it('[Skatteindberetning] a giver whose CPR number arrived after the first delivery is reported in the next', () => {
    expect(deliveryEntries([statement('carl', 30_000, true)], new Map())).toEqual([{ personId: 'carl', cprLookup: 'cpr-of-carl', kind: 'report', giftsOre: 30_000, ongoingOre: 0 }]);
  });

  it('[Skatteindberetning][OnlineFundraising13] gifts that moved to another person with the same CPR number (a merge) correct what SKAT holds under it, not a second report', () => {
    const survivor = { ...statement('dorte', 80_000), cprLookup: 'cpr-of-anna' };
    expect(deliveryEntries([survivor], held(marker('anna', 50_000)))).toEqual([{ personId: 'dorte', cprLookup: 'cpr-of-anna', kind: 'correction', giftsOre: 80_000, ongoingOre: 0 }]);
  });
});
