import { describe, expect, it } from 'vitest';
import { defaultBookkeepingChart } from './BookkeepingChart.js';
import type { LedgerPayment } from './LedgerPayment.js';
import { PostingLineBuilder } from './PostingLineBuilder.js';

const chart = { ...defaultBookkeepingChart, ledgerOpensOn: '2026-01-01', updatedAt: '2026-01-01T00:00:00Z' };

/** A small deterministic generator, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

function claimedPayments(count: number): LedgerPayment[] {
  const next = generator(42);
  return Array.from({ length: count }, (_, index) => {
    const dimensions = {
      postingDate: `2026-11-${String(1 + next(3)).padStart(2, '0')}`,
      contraAccountNumber: ['5810', '5850', '5860'][next(3)]!,
      accountNumber: ['1010', '1030', '1040'][next(3)]!,
      ...(next(4) > 0 && { project: `P${next(3)}` }),
      ...(next(4) > 0 && { budgetLine: `B${next(2)}` }),
    };
    const key = JSON.stringify([dimensions.postingDate, dimensions.contraAccountNumber, dimensions.budgetLine, dimensions.project, dimensions.accountNumber]);
    const amountOre = (next(10) === 0 ? -1 : 1) * (100 + next(50_000));
    return {
      id: `payment-${index}`,
      source: 'onlinefundraising',
      sourceReference: `of-${index}`,
      amountOre,
      paymentDate: dimensions.postingDate,
      channel: 'card',
      posting: { state: 'posted', runId: 'run-1', lineId: `line ${key}`, ...dimensions },
      recordedAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
    };
  });
}

describe('[Bogføring] posting lines', () => {
  it('[Bogføring][DBF-Sumtotal] one line per day × contra account × budget line × project × account, with lump sums equal to an independent sum', () => {
    const payments = claimedPayments(5_000);
    const builder = new PostingLineBuilder();
    for (const payment of payments) builder.add(payment);
    const lines = builder.lines('run-1', chart);

    const independent: Record<string, { sum: number; count: number }> = {};
    for (const { amountOre, posting } of payments) {
      if (posting.state !== 'posted') throw new Error('unclaimed');
      const key = [posting.postingDate, posting.contraAccountNumber, posting.budgetLine ?? '-', posting.project ?? '-', posting.accountNumber].join('/');
      independent[key] = { sum: (independent[key]?.sum ?? 0) + amountOre, count: (independent[key]?.count ?? 0) + 1 };
    }
    expect(lines).toHaveLength(Object.keys(independent).length);
    for (const line of lines) {
      const key = [line.postingDate, line.contraAccountNumber, line.budgetLine ?? '-', line.project ?? '-', line.accountNumber].join('/');
      expect(line.lumpSumOre, key).toBe(independent[key]!.sum);
      expect(line.paymentCount, key).toBe(independent[key]!.count);
    }
    expect(lines.reduce((total, line) => total + line.lumpSumOre, 0)).toBe(payments.reduce((total, payment) => total + payment.amountOre, 0));
  });

  it('[Bogføring] every payment is on the line it names, and lines are numbered 1… in the order of their dimensions', () => {
    const payments = claimedPayments(500);
    const builder = new PostingLineBuilder();
    for (const payment of payments) builder.add(payment);
    const lines = builder.lines('run-1', chart);
    const byId = new Map(lines.map((line) => [line.id, line]));
    for (const payment of payments) {
      if (payment.posting.state !== 'posted') throw new Error('unclaimed');
      const line = byId.get(payment.posting.lineId)!;
      expect(line).toMatchObject({ postingDate: payment.posting.postingDate, contraAccountNumber: payment.posting.contraAccountNumber, accountNumber: payment.posting.accountNumber });
      expect(line.project).toBe(payment.posting.project);
      expect(line.budgetLine).toBe(payment.posting.budgetLine);
    }
    expect(lines.map((line) => line.lineNumber)).toEqual(lines.map((_, index) => index + 1));
    expect(lines[0]!.postingDate <= lines.at(-1)!.postingDate).toBe(true);
    expect(lines.find((line) => line.accountNumber === '1010')?.accountDescription).toBe('Medlemskontingent');
    expect(lines.find((line) => line.contraAccountNumber === '5850')?.contraAccountDescription).toBe('MobilePay');
  });

  it('[Bogføring] a payment no run has claimed cannot be summed', () => {
    const [payment] = claimedPayments(1);
    expect(() => new PostingLineBuilder().add({ ...payment!, posting: { state: 'to_post' } })).toThrow(/not claimed/);
  });
});
