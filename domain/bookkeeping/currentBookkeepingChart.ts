import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type BookkeepingChart, bookkeepingChartId, defaultBookkeepingChart } from './BookkeepingChart.js';
import type { BookkeepingChartStore } from './ports.js';

/** The chart in force and whether finance has saved one (the defaults are only a starting point). */
export async function currentBookkeepingChart(ports: { chart: BookkeepingChartStore }): Promise<{ chart: BookkeepingChart; saved: boolean }> {
  const stored = await ports.chart.get(bookkeepingChartId);
  if (stored) return { chart: stored.value, saved: true };
  return { chart: { ...defaultBookkeepingChart, ledgerOpensOn: '1970-01-01', updatedAt: new Date(0).toISOString() }, saved: false };
}

/** [Bogføring] Finance saves the chart of accounts, contra accounts and import policies. */
export async function replaceBookkeepingChart(
  chart: Omit<BookkeepingChart, 'id' | 'updatedAt'>,
  ports: { chart: BookkeepingChartStore; clock: Clock },
): Promise<BookkeepingChart> {
  const saved: BookkeepingChart = { ...chart, id: bookkeepingChartId, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.chart.get(bookkeepingChartId);
    if ((await ports.chart.save(saved, stored?.etag)) === 'saved') return saved;
  }
  throw new ConcurrencyConflictError('the bookkeeping chart changed concurrently 5 times in a row');
}
