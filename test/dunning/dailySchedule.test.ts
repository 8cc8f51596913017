import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { JobRun } from '../../domain/jobs/JobRun.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
const clock = settableClock('2026-11-25T03:00:00Z');

beforeAll(async () => {
  stack = await startTestStack({ clock });
});
afterAll(() => stack.stop());

const fire = () => stack.engine.timerFunctions.find((fn) => fn.name === 'dunningGroups')!.handle();
const runs = async (): Promise<JobRun[]> => ((await (await fetch(`${stack.engineUrl}/admin/jobs?job=dunning-groups`, { headers: await adminHeaders(stack) })).json()) as { runs: JobRun[] }).runs;

describe('[CampaignAutomation6] the daily schedule', () => {
  it('[CampaignAutomation6] the groups are computed once a day at 05:00 Danish time, in winter and in summer', async () => {
    const timer = stack.engine.timerFunctions.find((fn) => fn.name === 'dunningGroups')!;
    expect(timer.schedule).toBe('0 0 3,4 * * *');

    await fire(); // 03:00 UTC is 04:00 in Danish winter time: nothing yet
    expect(await runs()).toEqual([]);
    clock.set('2026-11-25T04:00:00Z'); // 05:00 in Copenhagen
    await fire();
    await fire(); // a second firing the same day starts nothing more
    const [run] = await eventually(async () => {
      const listed = await runs();
      expect(listed).toHaveLength(1);
      expect(listed[0]!.status).toBe('completed');
      return listed;
    });
    expect(run).toMatchObject({ trigger: 'schedule', forDate: '2026-11-25' });

    clock.set('2027-06-15T03:00:00Z'); // 05:00 in Danish summer time
    await fire();
    await eventually(async () => expect((await runs()).map((listed) => listed.forDate)).toEqual(['2027-06-15', '2026-11-25']));
  });
});
