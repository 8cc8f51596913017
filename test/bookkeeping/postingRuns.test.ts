import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { PostingRun } from '../../domain/bookkeeping/PostingRun.js';
import { ledgerIdForOnlineFundraisingPayment } from '../../domain/bookkeeping/recordOnlineFundraisingPayment.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { colleagueReference, queueDrained, startTestStack } from '../support/testStack.js';
import { bookkeepingApi } from './bookkeepingApi.js';

let stack: LocalStack;
let api: ReturnType<typeof bookkeepingApi>;
/** Late enough that every range the tests post has ended (a run may not end after today). */
const clock = settableClock('2027-06-30T10:00:00Z');

beforeAll(async () => {
  // Small steps, so every run goes through several queued steps as a large one would.
  stack = await startTestStack({ clock, postingStepLimits: { claimsPerStep: 3, linesPerStep: 2 } });
  api = bookkeepingApi(stack, clock);
  await api.saveChart();
  await api.saveCampaign('DON_WEB_RF_GAZA', { name: 'DON_WEB_RF_GAZA', accountNumber: '1040', project: 'SAG-17' });
  await api.saveCampaign('MEM-DON_WEB_NRF_MEDLEM', { name: 'MEM-DON_WEB_NRF_MEDLEM', project: 'SAG-01' });
});
afterAll(() => stack.stop());

const journalLinesPath = '/v2.0/*/*/api/v2.0/companies(*)/journals(*)/journalLines';

/** An OF payment, notified to the engine; resolves with its ledger entry once recorded. */
async function ofPayment(ofId: string, fields: Record<string, unknown>): Promise<LedgerPayment> {
  stack.onlineFundraising.put('payment', ofId, { contact_id: `${ofId}-c`, status: 'confirmed', channel: 'card', ...fields });
  await stack.onlineFundraising.sendWebhook({ entity: 'payment', entityId: ofId, event: 'created' });
  return ledgerPayment(ledgerIdForOnlineFundraisingPayment(uuidIds, ofId));
}

function ledgerPayment(id: string, check: (payment: LedgerPayment) => void = () => {}): Promise<LedgerPayment> {
  return eventually(async () => {
    const response = await api.call('GET', `/admin/payments/${id}`);
    expect(response.status).toBe(200);
    const payment = response.json() as unknown as LedgerPayment;
    check(payment);
    return payment;
  });
}

const bcLines = () => stack.businessCentral.journalLines('MSENGINE');

describe('[Bogføring] posting runs', () => {
  it('[Bogføring][DBF-Sumtotal][Kampagnemodel] a run sums payments per day × contra account × budget line × project × account, links each payment to its line, and sends the lines with their dimensions to Business Central', async () => {
    const gaza = { contribution_code: 'DON_WEB_RF_GAZA' };
    const payments = [
      await ofPayment('pr-1', { ...gaza, amount: 50_000, paid_date: '2026-11-03' }),
      await ofPayment('pr-2', { ...gaza, amount: 25_000, paid_date: '2026-11-03' }),
      await ofPayment('pr-3', { ...gaza, amount: 10_000, paid_date: '2026-11-03', channel: 'mobilepay' }),
      await ofPayment('pr-4', { contribution_code: 'MEM-DON_WEB_NRF_MEDLEM', amount: 29_000, paid_date: '2026-11-04', channel: 'betalingsservice' }),
    ];
    await ofPayment('pr-late', { ...gaza, amount: 99_900, paid_date: '2027-03-02' });
    stack.onlineFundraising.put('payment', 'pr-pending', { contact_id: 'x', status: 'pending', channel: 'card', amount: 12_300, due_date: '2026-11-05', contribution_code: 'DON_WEB_RF_GAZA' });
    await stack.onlineFundraising.sendWebhook({ entity: 'payment', entityId: 'pr-pending', event: 'created' });
    // The membership campaign names no account: its payment's agreement (membership) chooses it.
    stack.onlineFundraising.put('agreement', 'pr-4-a', { contact_id: 'pr-4-c', type: 'membership', status: 'active', contribution_code: 'MEM-DON_WEB_NRF_MEDLEM' });
    stack.onlineFundraising.put('payment', 'pr-4', { agreement_id: 'pr-4-a' });
    await stack.onlineFundraising.sendWebhook({ entity: 'agreement', entityId: 'pr-4-a', event: 'created' });
    await stack.onlineFundraising.sendWebhook({ entity: 'payment', entityId: 'pr-4', event: 'updated' });
    await ledgerPayment(payments[3]!.id, (payment) => expect(payment.agreementKind).toBe('membership'));
    await queueDrained(stack, 'of-notifications');
    // [Kampagnemodel] A budget line set on the campaign code after its payments arrived follows them.
    await api.saveCampaign('DON_WEB_RF_GAZA', { name: 'DON_WEB_RF_GAZA', accountNumber: '1040', project: 'SAG-17', budgetLine: 'GAZA-NOED' });

    const run = await api.completedRun('2026-11-01', '2026-11-15');
    expect(run).toMatchObject({ phase: 'done', paymentCount: 4, lineCount: 3, linesSent: 3, sumOre: 114_000, heldCount: 0, documentNumber: 'MS-20261115' });
    const lines = await api.lines(run.id);
    expect(lines.map(({ postingDate, contraAccountNumber, budgetLine, project, accountNumber, lumpSumOre, paymentCount }) => ({ postingDate, contraAccountNumber, budgetLine, project, accountNumber, lumpSumOre, paymentCount }))).toEqual([
      { postingDate: '2026-11-03', contraAccountNumber: '5850', budgetLine: 'GAZA-NOED', project: 'SAG-17', accountNumber: '1040', lumpSumOre: 10_000, paymentCount: 1 },
      { postingDate: '2026-11-03', contraAccountNumber: '5860', budgetLine: 'GAZA-NOED', project: 'SAG-17', accountNumber: '1040', lumpSumOre: 75_000, paymentCount: 2 },
      { postingDate: '2026-11-04', contraAccountNumber: '5810', budgetLine: undefined, project: 'SAG-01', accountNumber: '1010', lumpSumOre: 29_000, paymentCount: 1 },
    ]);

    // Every payment names its line, and each line's lump sum is the sum of the payments naming it.
    const posted = await Promise.all(payments.map((payment) => ledgerPayment(payment.id)));
    for (const line of lines) {
      const onLine = posted.filter((payment) => payment.posting.state === 'posted' && payment.posting.lineId === line.id);
      expect(onLine.reduce((total, payment) => total + payment.amountOre, 0)).toBe(line.lumpSumOre);
    }
    expect((await ledgerPayment(ledgerIdForOnlineFundraisingPayment(uuidIds, 'pr-late'))).posting.state).toBe('to_post');
    expect((await api.call('GET', `/admin/payments/${ledgerIdForOnlineFundraisingPayment(uuidIds, 'pr-pending')}`)).status).toBe(404);

    // Business Central received the same lines, income credited, with project and budget line as dimensions.
    const received = bcLines().filter((line) => line.documentNumber === 'MS-20261115');
    expect(received.map(({ postingDate, accountNumber, balancingAccountNumber, amount, externalDocumentNumber }) => ({ postingDate, accountNumber, balancingAccountNumber, amount, externalDocumentNumber }))).toEqual([
      { postingDate: '2026-11-03', accountNumber: '1040', balancingAccountNumber: '5850', amount: -100, externalDocumentNumber: 'MS-20261115-00001' },
      { postingDate: '2026-11-03', accountNumber: '1040', balancingAccountNumber: '5860', amount: -750, externalDocumentNumber: 'MS-20261115-00002' },
      { postingDate: '2026-11-04', accountNumber: '1010', balancingAccountNumber: '5810', amount: -290, externalDocumentNumber: 'MS-20261115-00003' },
    ]);
    expect(received[1]!.dimensionSetLines.map(({ code, valueCode }) => ({ code, valueCode }))).toEqual([
      { code: 'SAG', valueCode: 'SAG-17' },
      { code: 'SAGSOPGAVE', valueCode: 'GAZA-NOED' },
    ]);
    expect(received[2]!.dimensionSetLines.map(({ code, valueCode }) => ({ code, valueCode }))).toEqual([{ code: 'SAG', valueCode: 'SAG-01' }]);

    // Finance's CSV: the same lines in Danish formats.
    const csv = await api.call('GET', `/admin/posting-runs/${run.id}/lines?format=csv`);
    expect(csv.status).toBe(200);
    const rows = parse(csv.text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['Betalingsdato', 'Konto', 'Klumpsum', 'Kontobeskrivelse', 'Sag', 'Sagsopgave', 'Modkonto'],
      ['03-11-2026', '1040', '100,00', 'Donationer', 'SAG-17', 'GAZA-NOED', '5850'],
      ['03-11-2026', '1040', '750,00', 'Donationer', 'SAG-17', 'GAZA-NOED', '5860'],
      ['04-11-2026', '1010', '290,00', 'Medlemskontingent', 'SAG-01', '', '5810'],
    ]);

    // [Bogføring] Asking for the same range again is the same run: nothing changes, nothing is sent twice.
    const again = await api.startRun('2026-11-01', '2026-11-15');
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ id: run.id, status: 'completed', paymentCount: 4 });
    await queueDrained(stack, 'posting-runs');
    expect(bcLines().filter((line) => line.documentNumber === 'MS-20261115')).toHaveLength(3);
    const overlapping = await api.startRun('2026-11-10', '2026-11-20');
    expect(overlapping.status).toBe(409);
    expect(overlapping.json().error).toBe('range_overlaps_run');
  });

  it('[Refundering][Bogføring] a refund made after its original was posted lands in the next run, which adjusts the lump sum', async () => {
    const original = await ofPayment('pr-refund', { contribution_code: 'DON_WEB_RF_GAZA', amount: 40_000, paid_date: '2026-11-20' });
    const first = await api.completedRun('2026-11-16', '2026-11-25');
    expect(first).toMatchObject({ paymentCount: 1, sumOre: 40_000 });

    // Refunded by staff on a day the first run already covered.
    const refund = await api.call('POST', `/admin/payments/${original.id}/refund`, { reason: 'Dobbeltbetaling', refundedBy: 'bogholderi@ms.dk', date: '2026-11-22' });
    expect(refund.status).toBe(201);
    const second = await api.completedRun('2026-11-26', '2026-11-30');
    expect(second).toMatchObject({ paymentCount: 1, sumOre: -40_000 });
    expect(await api.lines(second.id)).toMatchObject([{ postingDate: '2026-11-26', lumpSumOre: -40_000, accountNumber: '1040', contraAccountNumber: '5860' }]);
    expect(await api.lines(first.id)).toMatchObject([{ postingDate: '2026-11-20', lumpSumOre: 40_000, paymentCount: 1 }]);
    expect(bcLines().find((line) => line.documentNumber === 'MS-20261130')).toMatchObject({ amount: 400, postingDate: '2026-11-26' });
  });

  it('[BetalingUdenomOF][Rapportering3] imported invoices are booked as already posted, MobilePay business-platform payments are posted, and a file imported twice is never posted twice', async () => {
    const invoices = 'Fakturanr;Betalingsdato;Beløb;EAN;Kampagnekode\nF-1001;01-12-2026;5.000,00;5798000000001;DON_WEB_RF_GAZA\nF-1002;01-12-2026;2.500,00;5798000000002;DON_WEB_RF_GAZA\n';
    const invoiceImport = await api.call('POST', '/admin/imports/payments?source=invoice', invoices, 'text/csv');
    expect(invoiceImport.json()).toMatchObject({ imported: 2, alreadyImported: 0, rejected: [] });

    const withBadRow = 'Dato;Transaktions-ID;Beløb;Navn;Besked\n02-12-2026;MP-1;150,00;Anna Holm;Til Gaza\n02-12-2026;MP-2;200,00;Bo Ek;\n02-12-2026;MP-3;tohundrede;Cy Dam;\n';
    const refused = await api.call('POST', '/admin/imports/payments?source=mobilepay_business&campaignCode=DON_WEB_RF_GAZA', withBadRow, 'text/csv');
    expect(refused.json()).toMatchObject({ error: 'import_rejected', rejected: [{ line: 4, field: 'amount' }] });
    const mobilePay = 'Dato;Transaktions-ID;Beløb;Navn;Besked\n02-12-2026;MP-1;150,00;Anna Holm;Til Gaza\n02-12-2026;MP-2;200,00;Bo Ek;\n';
    const first = await api.call('POST', '/admin/imports/payments?source=mobilepay_business&campaignCode=DON_WEB_RF_GAZA', mobilePay, 'text/csv');
    expect(first.json()).toMatchObject({ imported: 2, alreadyImported: 0, rejected: [] });
    const twice = await api.call('POST', '/admin/imports/payments?source=mobilepay_business&campaignCode=DON_WEB_RF_GAZA', mobilePay, 'text/csv');
    expect(twice.json()).toMatchObject({ imported: 0, alreadyImported: 2 });

    const run = await api.completedRun('2026-12-01', '2026-12-05');
    expect(run).toMatchObject({ paymentCount: 2, sumOre: 35_000, lineCount: 1 });
    expect(await api.lines(run.id)).toMatchObject([{ postingDate: '2026-12-02', contraAccountNumber: '5850', lumpSumOre: 35_000 }]);
    const invoice = await ledgerPayment(uuidIds.fromKey('ledger:invoice:F-1001'));
    expect(invoice.posting).toMatchObject({ state: 'already_posted' });

    // Imported again after the run: still nothing new to post.
    expect((await api.call('POST', '/admin/imports/payments?source=mobilepay_business', mobilePay, 'text/csv')).json()).toMatchObject({ imported: 0, alreadyImported: 2 });
    expect(await api.completedRun('2026-12-06', '2026-12-10')).toMatchObject({ paymentCount: 0, lineCount: 0 });
  });

  it('[Bogføring] a run whose sending fails half-way resumes without sending any line twice', async () => {
    const days = ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'];
    for (const [index, day] of days.entries()) await ofPayment(`pr-resume-${index}`, { contribution_code: 'DON_WEB_RF_GAZA', amount: 10_000 * (index + 1), paid_date: day });
    const startedAt = stack.clock.now().toISOString();
    // BC takes the third line, then the connection fails before the engine hears back.
    stack.businessCentral.injectFault({ method: 'POST', path: journalLinesPath, status: 504, afterHandling: true, skip: 2 });

    const run = await api.completedRun('2027-01-01', '2027-01-31');
    const sent = bcLines().filter((line) => line.documentNumber === 'MS-20270131');
    expect(sent.map((line) => line.externalDocumentNumber)).toEqual(['MS-20270131-00001', 'MS-20270131-00002', 'MS-20270131-00003', 'MS-20270131-00004', 'MS-20270131-00005']);
    expect(sent.map((line) => line.amount)).toEqual([-100, -200, -300, -400, -500]);
    // The line whose answer was lost got its dimensions on the resume, like the others.
    expect(sent.map((line) => line.dimensionSetLines.map(({ code, valueCode }) => `${code}=${valueCode}`))).toEqual(Array.from({ length: 5 }, () => ['SAG=SAG-17', 'SAGSOPGAVE=GAZA-NOED']));
    // [NFR-Faults] The failed step was resumed by the resumer a minute later, not redelivered at once.
    expect(run).toMatchObject({ lineCount: 5, linesSent: 5, attempts: 2 });
    expect(run.lastError).toBeUndefined();
    // Five lines, five POSTs: the line whose answer was lost was found in the journal, not sent again.
    const linePosts = stack.businessCentral.requests().filter((request) => request.method === 'POST' && /journals\([^)]*\)\/journalLines$/.test(request.path) && request.at >= startedAt);
    expect(linePosts.map((request) => request.status)).toEqual([201, 201, 504, 201, 201]);
  });

  it('[NFR-Faults][Bogføring] a run completes by itself after Business Central was unavailable for 30 minutes (503 and 429), with every line in BC once and no alert before it gave up', async () => {
    const days = ['2027-04-05', '2027-04-06', '2027-04-07', '2027-04-08'];
    for (const [index, day] of days.entries()) await ofPayment(`pr-outage-${index}`, { contribution_code: 'DON_WEB_RF_GAZA', amount: 10_000 * (index + 1), paid_date: day });
    const outageStarts = clock.now().getTime();
    // BC answers nothing useful: every journal-line call is refused, now and then with 429 instead of 503.
    for (const method of ['GET', 'POST']) {
      stack.businessCentral.injectFault({ method, path: journalLinesPath, status: 429, retryAfterSeconds: 0, times: 2 });
      stack.businessCentral.injectFault({ method, path: journalLinesPath, status: 503, times: 10_000 });
    }
    const started = await api.startRun('2027-04-01', '2027-04-30');
    let run = await eventually(async () => {
      const current = (await api.call('GET', `/admin/posting-runs/${started.json().id}`)).json() as unknown as PostingRun;
      expect(current.status).toBe('failed');
      return current;
    });
    // Half an hour on the run's clock: each time it is due, the resumer takes it up and it fails again.
    while (clock.now().getTime() - outageStarts < 30 * 60_000) {
      expect(run).toMatchObject({ status: 'failed', nextAttemptAt: expect.any(String) });
      await api.resumeWhenDue(run);
      run = await eventually(async () => {
        const current = (await api.call('GET', `/admin/posting-runs/${run.id}`)).json() as unknown as PostingRun;
        expect(current).toMatchObject({ status: 'failed', attempts: run.attempts + 1 });
        return current;
      });
    }
    expect(run.autoResumes).toBeGreaterThanOrEqual(4);
    expect(run.failingSince).toBeDefined();

    stack.businessCentral.clearFaults();
    const done = await api.runReaching(run.id, 'completed');
    // Four days of April, and anything an earlier test left unposted on the run's first day.
    expect(done.lineCount).toBeGreaterThanOrEqual(4);
    expect(done.linesSent).toBe(done.lineCount);
    expect(done.failingSince).toBeUndefined();
    const sent = bcLines().filter((line) => line.documentNumber === 'MS-20270430');
    const expected = Array.from({ length: done.lineCount }, (_, index) => `MS-20270430-${String(index + 1).padStart(5, '0')}`);
    expect(sent.map((line) => line.externalDocumentNumber)).toEqual(expected);
    const deadLetters = (await api.call('GET', '/admin/dead-letters')).json().items as { queue: string }[];
    expect(deadLetters.filter((letter) => letter.queue === 'posting-runs')).toEqual([]);
  });

  it('[Bogføring] a re-posted failed range answers with the run as it goes again, and a range may not end after today (Danish time)', async () => {
    await ofPayment('pr-repost-1', { contribution_code: 'DON_WEB_RF_GAZA', amount: 10_000, paid_date: '2027-05-03' });
    stack.businessCentral.injectFault({ method: 'GET', path: journalLinesPath, status: 503, times: 10_000 });
    const started = await api.startRun('2027-05-01', '2027-05-31');
    await eventually(async () => expect((await api.call('GET', `/admin/posting-runs/${started.json().id}`)).json()).toMatchObject({ status: 'failed' }));
    stack.businessCentral.clearFaults();
    const reposted = await api.startRun('2027-05-01', '2027-05-31');
    expect(reposted.status).toBe(202);
    expect(reposted.json()).toMatchObject({ status: 'running', attempts: 2 });
    await api.runReaching(started.json().id, 'completed');

    const today = '2027-06-30';
    const tomorrow = await api.startRun('2027-06-01', '2027-07-01');
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.json()).toMatchObject({ error: 'invalid_range', fields: [{ field: 'to', problem: `on or before ${today}` }] });
    expect(clock.now().toISOString().slice(0, 10)).toBe(today);
  });

  /**
   * Five payments on five days, a run over `month`, and BC failing on the third line: `lost` means BC
   * created the line and the answer was lost, `refused` that BC never created it. BC then stays
   * unreachable until the resumer gives up (6 hours on the test's clock), finance posts the journal
   * meanwhile, and the run is asked for again. Resolves with the run as it stopped.
   */
  async function runStoppedAfterJournalPosted(month: string, third: 'lost' | 'refused'): Promise<PostingRun> {
    for (let day = 1; day <= 5; day++) {
      await ofPayment(`pr-${month}-${third}-${day}`, { contribution_code: 'DON_WEB_RF_GAZA', amount: 10_000 * day, paid_date: `${month}-0${day}` });
    }
    stack.businessCentral.injectFault({ method: 'POST', path: journalLinesPath, status: 504, afterHandling: third === 'lost', skip: 2 });
    // Every send step reads the journal first (linesAlreadySent): two steps get through, then BC is gone.
    stack.businessCentral.injectFault({ method: 'GET', path: journalLinesPath, status: 503, times: 1_000, skip: 2 });
    const failed = await api.completedRun(`${month}-01`, `${month}-28`, 'failed');
    await queueDrained(stack, 'posting-runs');
    expect((await api.call('GET', `/admin/posting-runs/${failed.id}`)).json()).toMatchObject({ status: 'failed', uncertainLine: 3, linesSent: 2 });

    stack.businessCentral.clearFaults();
    stack.businessCentral.postJournal('MSENGINE');
    expect((await api.startRun(`${month}-01`, `${month}-28`)).status).toBe(202); // set going again
    return eventually(async () => {
      const run = (await api.call('GET', `/admin/posting-runs/${failed.id}`)).json() as unknown as PostingRun;
      expect(run.review).toBeDefined();
      return run;
    });
  }

  const linePostsOf = (documentNumber: string) =>
    stack.businessCentral.requests().filter((request) => request.method === 'POST' && /journals\([^)]*\)\/journalLines$/.test(request.path) && request.at >= documentStarted.get(documentNumber)!);
  const documentStarted = new Map<string, string>();
  const postedAndInJournal = (documentNumber: string) =>
    [...stack.businessCentral.postedJournalLines(), ...bcLines()].filter((line) => line.documentNumber === documentNumber).map((line) => line.externalDocumentNumber).sort();

  it('[Bogføring] a run that cannot tell whether a line was posted while it was failed stops for finance instead of posting it twice, and goes on with their answer', async () => {
    documentStarted.set('MS-20270228', stack.clock.now().toISOString());
    const stopped = await runStoppedAfterJournalPosted('2027-02', 'lost');
    expect(stopped).toMatchObject({
      status: 'failed',
      linesSent: 2,
      review: { lineNumber: 3, externalDocumentNumber: 'MS-20270228-00003', line: { postingDate: '2027-02-03', accountNumber: '1040', contraAccountNumber: '5860', lumpSumOre: 30_000 } },
    });
    expect(stopped.lastError).toContain('G/L entries of the document');
    // Asking for the run again does not get round the question.
    const again = await api.startRun('2027-02-01', '2027-02-28');
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ status: 'failed', review: { lineNumber: 3 } });

    const wrongLine = await api.call('POST', `/admin/posting-runs/${stopped.id}/review`, { lineNumber: 2, postedInBc: true, answeredBy: 'finance@ms.dk' });
    expect(wrongLine.status).toBe(409);
    expect(wrongLine.json().error).toBe('review_line_mismatch');
    // Finance finds line 3 among the posted entries.
    const answered = await api.call('POST', `/admin/posting-runs/${stopped.id}/review`, { lineNumber: 3, postedInBc: true, answeredBy: 'finance@ms.dk' });
    expect(answered.status, answered.text).toBe(202);

    const done = await eventually(async () => {
      const run = (await api.call('GET', `/admin/posting-runs/${stopped.id}`)).json() as unknown as PostingRun;
      expect(run.status).toBe('completed');
      return run;
    }, 30_000);
    expect(done).toMatchObject({ linesSent: 5, reviewAnswers: [{ lineNumber: 3, postedInBc: true, answeredBy: colleagueReference('Administrator') }] });
    expect(done.review).toBeUndefined();
    expect((await api.lines(done.id)).find((line) => line.lineNumber === 3)?.bc).toMatchObject({ confirmedPostedBy: colleagueReference('Administrator') });
    // Each line once in BC, posted or in the journal; line 3 was never sent again.
    expect(postedAndInJournal('MS-20270228')).toEqual(['MS-20270228-00001', 'MS-20270228-00002', 'MS-20270228-00003', 'MS-20270228-00004', 'MS-20270228-00005']);
    expect(linePostsOf('MS-20270228').map((request) => request.status)).toEqual([201, 201, 504, 201, 201]);

    const noQuestion = await api.call('POST', `/admin/posting-runs/${stopped.id}/review`, { lineNumber: 3, postedInBc: true, answeredBy: 'finance@ms.dk' });
    expect(noQuestion.status).toBe(409);
    expect(noQuestion.json().error).toBe('no_review_pending');
  });

  it('[Bogføring] a line finance does not find among the posted entries is sent when they say so', async () => {
    documentStarted.set('MS-20270328', stack.clock.now().toISOString());
    const stopped = await runStoppedAfterJournalPosted('2027-03', 'refused');
    expect(stopped.review).toMatchObject({ lineNumber: 3 });

    const answered = await api.call('POST', `/admin/posting-runs/${stopped.id}/review`, { lineNumber: 3, postedInBc: false, answeredBy: 'finance@ms.dk' });
    expect(answered.status, answered.text).toBe(202);
    await eventually(async () => expect((await api.call('GET', `/admin/posting-runs/${stopped.id}`)).json()).toMatchObject({ status: 'completed', linesSent: 5 }), 30_000);
    expect(postedAndInJournal('MS-20270328')).toEqual(['MS-20270328-00001', 'MS-20270328-00002', 'MS-20270328-00003', 'MS-20270328-00004', 'MS-20270328-00005']);
    expect(linePostsOf('MS-20270328').map((request) => request.status)).toEqual([201, 201, 504, 201, 201, 201]);
  });
});
