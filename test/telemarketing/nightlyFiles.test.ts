import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { staffCall } from '../sending/support.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';
import { night, rowsOf, runEnded, signsByKeyword, vendorFolder } from './support.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const person = (id: string, firstName: string, phone: string, consents = ['phone', 'sms']) => ({ id, firstName, phone, consents });
const anna = person('tm-anna', 'Anna', '+4526600001');
const bo = person('tm-bo', 'Bo', '+4526600002', ['sms']);
const carl = person('tm-carl', 'Carl', '+4526600003');
const dina = person('tm-dina', 'Dina', '+4526600004');
const erik = person('tm-erik', 'Erik', '+4526600005');
const frida = person('tm-frida', 'Frida', '+4526600006');

const skovColumns = [
  { field: 'first_name', header: 'Fornavn' },
  { field: 'phone', header: 'Tlf' },
  { field: 'petition_id', header: 'Underskrift' },
  { field: 'signed_on', header: 'Dato' },
];
const campaign = (petitionId: string, priority: number, columns: unknown[]) => ({ name: `Ring: ${petitionId}`, priority, recontactAfterMonths: 12, active: true, petitionIds: [petitionId], leadsFrom: '2026-11-01', team: 'fundraising', nightlyFile: { columns } });
const filesOf = async (campaignId: string) => ((await (await call('GET', `/admin/telemarketing/files?campaignId=${campaignId}`)).json()) as { files: { name: string; forDate: string; status: string; excluded: Record<string, number>; leadIds: string[]; attempts: number; lastError?: string }[] }).files;
const fileOfNight = async (campaignId: string, forDate: string) => (await filesOf(campaignId)).find((file) => file.forDate === forDate)!;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  for (const [keyword, petitionId] of [['SKOV', 'skov-2026'], ['SKOLE', 'skole-2026']]) {
    expect((await call('POST', '/admin/keywords', { keyword, campaignCode: `${keyword}2026`, validFrom: '2026-01-01', action: { kind: 'create-signature', petitionId } }, 'Administrator')).status).toBe(201);
  }
  for (const signer of [anna, bo, carl, erik]) await signsByKeyword(stack, signer, 'SKOV', '2026-11-25T09:00:00.000Z');
  await signsByKeyword(stack, dina, 'SKOLE', '2026-11-25T09:30:00.000Z');
  expect((await call('POST', '/admin/stop-list', { phone: carl.phone, requestedAt: '2026-11-20', sms: false, telemarketing: true, source: 'medlemsservice' }, 'MemberServiceEditor')).status).toBe(201);
  expect((await call('POST', `/admin/persons/${personIdOf(erik.id)}/invalid-contact`, { channel: 'phone', reason: 'call-failed', flaggedBy: 'tmpo@ms.dk' })).status).toBe(200);
  expect((await call('PUT', '/admin/telemarketing/campaigns/skov-2026', campaign('skov-2026', 1, skovColumns), 'Administrator')).status).toBe(200);
  expect((await call('PUT', '/admin/telemarketing/campaigns/skole-2026', campaign('skole-2026', 5, [{ field: 'full_name', header: 'Navn' }, { field: 'phone_e164', header: 'Telefon' }]), 'Administrator')).status).toBe(200);
});

describe('[Leadflow] the nightly files to the TM vendor', () => {
  it('[Leadflow][StopList] each active campaign gets a file of its new leads with its own columns; no phone consent, the stop list and a number that does not work keep people out', async () => {
    const run = await night(stack, clock, call, '2026-11-26');
    expect(run).toMatchObject({ status: 'completed', counts: expect.objectContaining({ filesDelivered: 2, leads: 2 }) });
    const folder = await vendorFolder(stack);
    expect([...folder.keys()]).toEqual(['skole-2026_20261126.csv', 'skov-2026_20261126.csv']);
    expect(folder.get('skov-2026_20261126.csv')).toEqual([['Fornavn', 'Tlf', 'Underskrift', 'Dato'], ['Anna', '26600001', 'skov-2026', '25-11-2026']]);
    expect(folder.get('skole-2026_20261126.csv')).toEqual([['Navn', 'Telefon'], ['Dina Leadsen', dina.phone]]);
    expect(await fileOfNight('skov-2026', '2026-11-26')).toMatchObject({ status: 'delivered', excluded: { 'no-phone-consent': 1, 'stop-list': 1, 'phone-not-ok': 1 } });
  });

  it('[Leadflow] the next night carries only what was signed since; someone handed to TM within 12 months, and open in a campaign of higher priority, is left out', async () => {
    clock.set('2026-11-26T10:00:00Z');
    await signsByKeyword(stack, dina, 'SKOV', '2026-11-26T09:00:00.000Z');
    await signsByKeyword(stack, frida, 'SKOV', '2026-11-26T09:10:00.000Z');
    expect(await night(stack, clock, call, '2026-11-27')).toMatchObject({ status: 'completed', counts: expect.objectContaining({ filesDelivered: 1, emptyNights: 1 }) });
    const folder = await vendorFolder(stack);
    expect(folder.get('skov-2026_20261127.csv')).toEqual([['Fornavn', 'Tlf', 'Underskrift', 'Dato'], ['Frida', '26600006', 'skov-2026', '26-11-2026']]);
    expect(folder.has('skole-2026_20261127.csv')).toBe(false);
    expect((await fileOfNight('skov-2026', '2026-11-27')).excluded).toEqual({ 'called-within-window': 1, 'open-in-higher-priority': 1 });
    const leads = (await (await call('GET', `/admin/persons/${personIdOf(dina.id)}/telemarketing-leads`)).json()) as { leads: unknown[] };
    expect(leads.leads).toEqual([expect.objectContaining({ campaignId: 'skole-2026', vendor: 'TMPO', channel: 'sftp-file', status: 'open', source: expect.objectContaining({ petitionId: 'skole-2026' }) })]);
  });

  it('[Leadflow] running the night again, by the timer or by staff, delivers nothing twice', async () => {
    const before = await vendorFolder(stack);
    await stack.engine.timerFunctions.find((timer) => timer.name === 'telemarketingFiles')!.handle();
    const started = await call('POST', '/admin/jobs/telemarketing-files/run', undefined, 'Administrator');
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const rerun = await eventually(async () => {
      const seen = (await (await call('GET', `/admin/jobs/runs/${id}`, undefined, 'Administrator')).json()) as { status: string; counts?: Record<string, number> };
      expect(seen.status).toBe('completed');
      return seen;
    });
    expect(rerun.counts).toMatchObject({ filesDelivered: 0, leads: 0 });
    expect(await vendorFolder(stack)).toEqual(before);
    expect(stack.telemarketingSftp.files().filter((file) => file.path.endsWith('.part'))).toEqual([]);
  });
});

describe('[Leadflow] when the vendor\'s server fails', () => {
  it('[Leadflow] a refused login fails the run with a clear error, keeps the file prepared, and a retry delivers it once the login works', async () => {
    clock.set('2026-11-27T10:00:00Z');
    await signsByKeyword(stack, person('tm-gustav', 'Gustav', '+4526600007'), 'SKOV', '2026-11-27T09:00:00.000Z');
    stack.telemarketingSftp.refuseLogins(true);
    const failed = await night(stack, clock, call, '2026-11-28');
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/skov-2026: the SFTP server at .* refused the login of ms-leads/) });
    expect(await fileOfNight('skov-2026', '2026-11-28')).toMatchObject({ status: 'prepared', lastError: expect.stringMatching(/refused the login/) });
    stack.telemarketingSftp.refuseLogins(false);
    await eventually(async () => expect(await fileOfNight('skov-2026', '2026-11-28')).toMatchObject({ status: 'delivered' }));
    expect((await vendorFolder(stack)).get('skov-2026_20261128.csv')).toEqual([['Fornavn', 'Tlf', 'Underskrift', 'Dato'], ['Gustav', '26600007', 'skov-2026', '27-11-2026']]);
  });

  it('[Leadflow] a full disk fails the upload and leaves nothing behind; the file goes when there is room', async () => {
    clock.set('2026-11-28T10:00:00Z');
    await signsByKeyword(stack, person('tm-hanne', 'Hanne', '+4526600008'), 'SKOV', '2026-11-28T09:00:00.000Z');
    const used = stack.telemarketingSftp.files().reduce((sum, file) => sum + file.content.length, 0);
    stack.telemarketingSftp.setCapacity(used + 10);
    expect(await night(stack, clock, call, '2026-11-29')).toMatchObject({ status: 'failed', error: expect.stringMatching(/No space left on device/) });
    expect(stack.telemarketingSftp.files().map((file) => file.path)).not.toContain('/inbound/skov-2026_20261129.csv.part');
    stack.telemarketingSftp.setCapacity(undefined);
    await eventually(async () => expect(await fileOfNight('skov-2026', '2026-11-29')).toMatchObject({ status: 'delivered' }));
    expect((await vendorFolder(stack)).get('skov-2026_20261129.csv')?.[1]?.[0]).toBe('Hanne');
  });

  it('[Leadflow] an upload cut off half way never counts as delivered; the retry puts the whole file there', async () => {
    clock.set('2026-11-29T10:00:00Z');
    await signsByKeyword(stack, person('tm-ivan', 'Ivan', '+4526600009'), 'SKOV', '2026-11-29T09:00:00.000Z');
    stack.telemarketingSftp.dropConnectionOnWriteTo(/skov-2026_20261130\.csv\.part$/);
    expect(await night(stack, clock, call, '2026-11-30')).toMatchObject({ status: 'failed', error: expect.stringMatching(/closed the connection/) });
    await eventually(async () => expect(await fileOfNight('skov-2026', '2026-11-30')).toMatchObject({ status: 'delivered', attempts: 2 }));
    const folder = await vendorFolder(stack);
    expect(folder.get('skov-2026_20261130.csv')).toEqual([['Fornavn', 'Tlf', 'Underskrift', 'Dato'], ['Ivan', '26600009', 'skov-2026', '29-11-2026']]);
    expect([...folder.keys()].filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});

describe('[Dialer2] a manual extract for another vendor', () => {
  const jens = person('tm-jens', 'Jens', '+4526600010');
  const karin = person('tm-karin', 'Karin', '+4526600011');

  it('[Dialer2] staff extract a campaign\'s signers of a date range as a file, and the nightly transfer to TMPO leaves them out', async () => {
    clock.set('2026-12-01T10:00:00Z');
    await signsByKeyword(stack, jens, 'SKOV', '2026-12-01T08:00:00.000Z');
    await signsByKeyword(stack, karin, 'SKOV', '2026-12-01T08:30:00.000Z');
    const extracted = await call('POST', '/admin/telemarketing/extracts', { campaignId: 'skov-2026', signedFrom: '2026-12-01', signedTo: '2026-12-01', vendor: 'AllEars' });
    expect(extracted.status).toBe(201);
    const { file, content } = (await extracted.json()) as { file: { leadIds: string[]; name: string; channel: string }; content: string };
    expect(file).toMatchObject({ channel: 'manual-extract', name: 'skov-2026_20261201-20261201_AllEars.csv' });
    expect(file.leadIds).toHaveLength(2);
    const download = await call('GET', content);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="skov-2026_20261201-20261201_AllEars.csv"');
    expect(rowsOf(Buffer.from(await download.arrayBuffer())).slice(1).map((row) => row[0]).sort()).toEqual(['Jens', 'Karin']);

    expect(await night(stack, clock, call, '2026-12-02')).toMatchObject({ status: 'completed' });
    expect(await fileOfNight('skov-2026', '2026-12-02')).toMatchObject({ status: 'empty', excluded: { 'called-within-window': 2 } });
    expect((await vendorFolder(stack)).has('skov-2026_20261202.csv')).toBe(false);
    const leads = (await (await call('GET', `/admin/persons/${personIdOf(jens.id)}/telemarketing-leads`)).json()) as { leads: unknown[] };
    expect(leads.leads).toEqual([expect.objectContaining({ campaignId: 'skov-2026', vendor: 'AllEars', channel: 'manual-extract' })]);
  });

  it('[Dialer2] an extract that ends before it starts, starts in the future or names no campaign is refused, and nothing is extracted', async () => {
    const backwards = await call('POST', '/admin/telemarketing/extracts', { campaignId: 'skov-2026', signedFrom: '2026-12-01', signedTo: '2026-11-01', vendor: 'AllEars' });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ fields: [{ field: 'signedTo', problem: 'ends before signedFrom' }] });
    const future = await call('POST', '/admin/telemarketing/extracts', { campaignId: 'skov-2026', signedFrom: '2027-01-01', signedTo: '2027-01-31', vendor: 'AllEars' });
    expect(future.status).toBe(400);
    expect((await call('POST', '/admin/telemarketing/extracts', { campaignId: 'no-such', signedFrom: '2026-11-01', signedTo: '2026-11-30', vendor: 'AllEars' })).status).toBe(404);
    expect((await filesOf('skov-2026')).filter((file) => file.name.includes('AllEars'))).toHaveLength(1);
  });
});

describe('[Leadflow] the window is data per campaign', () => {
  it('[Leadflow] a year and a day after her hand-over, once the higher campaign has ended, a new signature makes Dina a lead again', async () => {
    clock.set('2027-11-26T10:00:00Z');
    expect((await call('PUT', '/admin/telemarketing/campaigns/skole-2026', { ...campaign('skole-2026', 5, [{ field: 'full_name', header: 'Navn' }]), active: false }, 'Administrator')).status).toBe(200);
    await signsByKeyword(stack, dina, 'SKOV', '2027-11-26T09:00:00.000Z', '-again');
    expect(await night(stack, clock, call, '2027-11-27')).toMatchObject({ status: 'completed' });
    expect((await vendorFolder(stack)).get('skov-2026_20271127.csv')).toEqual([['Fornavn', 'Tlf', 'Underskrift', 'Dato'], ['Dina', '26600004', 'skov-2026', '26-11-2027']]);
  });
});
