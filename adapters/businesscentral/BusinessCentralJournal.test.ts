import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalLineToSend } from '../../domain/bookkeeping/GeneralJournal.js';
import { type BusinessCentralSimulator, startBusinessCentralSimulator } from '../../local/simulators/businesscentral/server.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy } from '../http/retryPolicy.js';
import { BusinessCentralJournal, type BusinessCentralJournalOptions } from './BusinessCentralJournal.js';
import { BusinessCentralError, UndimensionedJournalLineError, UnknownOutcomeError } from './errors.js';

const shortRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };

let sim: BusinessCentralSimulator;
let waits: number[];

beforeAll(async () => {
  sim = await startBusinessCentralSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  waits = [];
});

function journal(overrides: Partial<BusinessCentralJournalOptions> = {}): BusinessCentralJournal {
  return new BusinessCentralJournal({
    apiUrl: sim.url,
    authorityUrl: sim.authorityUrl,
    ...sim.credentials,
    companyId: sim.companyId,
    journalCode: sim.journalCode,
    retryPolicy: shortRetryPolicy,
    // Waits are recorded, not waited, so a Retry-After of seconds costs no time.
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
}

function line(fields: Partial<JournalLineToSend> = {}): JournalLineToSend {
  return {
    documentNumber: 'MS-2025-03-31',
    externalDocumentNumber: 'MS-2025-03-31-1040-5850-P123',
    postingDate: '2025-03-31',
    accountNumber: '1040',
    contraAccountNumber: '5850',
    lumpSumOre: 125_050,
    description: 'Donationer MobilePay 31.03.2025',
    project: 'P123',
    budgetLine: 'B7',
    ...fields,
  };
}

/** The API requests BC received, as "METHOD entity-set status" (ids left out). */
function apiRequests(): string[] {
  return sim
    .requests()
    .filter((request) => request.path.includes('/api/v2.0/'))
    .map(({ method, path, status }) => `${method} ${path.split('/').at(-1)?.replace(/\(.*\)$/, '')} ${status}`);
}

const tokenRequests = () => sim.requests().filter((request) => request.path.endsWith('/oauth2/v2.0/token'));

describe('[Bogføring] BusinessCentralJournal sends posting lines to the general journal', () => {
  it('[Bogføring] creates the line between the income and contra accounts, with its project and budget line as dimensions', async () => {
    const { journalLineId } = await journal().send(line());

    expect(sim.journalLines('MSENGINE')).toMatchObject([
      {
        id: journalLineId,
        accountType: 'G/L Account',
        accountNumber: '1040',
        balanceAccountType: 'G/L Account',
        balancingAccountNumber: '5850',
        postingDate: '2025-03-31',
        documentNumber: 'MS-2025-03-31',
        externalDocumentNumber: 'MS-2025-03-31-1040-5850-P123',
        description: 'Donationer MobilePay 31.03.2025',
        dimensionSetLines: [
          { code: 'SAG', valueCode: 'P123' },
          { code: 'SAGSOPGAVE', valueCode: 'B7' },
        ],
      },
    ]);
  });

  it('[Bogføring] books money received as a credit on the income account (a negative amount in DKK), a net refund as a debit', async () => {
    await journal().send(line({ lumpSumOre: 125_050 }));
    await journal().send(line({ externalDocumentNumber: 'REFUND', lumpSumOre: -2_995 }));
    await journal().send(line({ externalDocumentNumber: 'ONE-ORE', lumpSumOre: 1 }));

    expect(sim.journalLines().map((sent) => sent.amount)).toEqual([-1250.5, 29.95, -0.01]);
  });

  it('sets only the dimensions a line has, under the configured dimension codes', async () => {
    sim.setDimensions([
      { code: 'PROJEKT', displayName: 'Projekt' },
      { code: 'BUDGET', displayName: 'Budgetlinje' },
    ]);
    const bc = journal({ projectDimension: 'PROJEKT', budgetLineDimension: 'BUDGET' });

    await bc.send(line({ externalDocumentNumber: 'NONE', project: undefined, budgetLine: undefined }));
    await bc.send(line({ externalDocumentNumber: 'PROJECT-ONLY', budgetLine: undefined }));

    expect(sim.journalLines().map((sent) => sent.dimensionSetLines.map(({ code, valueCode }) => `${code}=${valueCode}`))).toEqual([[], ['PROJEKT=P123']]);
  });

  it('looks the journal up by its code once', async () => {
    const bc = journal();

    await bc.send(line({ externalDocumentNumber: 'A' }));
    await bc.send(line({ externalDocumentNumber: 'B' }));
    await bc.linesAlreadySent('MS-2025-03-31');

    expect(apiRequests().filter((request) => request.startsWith('GET journals'))).toEqual(['GET journals 200']);
  });

  it('refuses a document number BC would store upper-cased, before sending anything', async () => {
    const error = await journal().send(line({ externalDocumentNumber: 'ms-2025-03-31-a' })).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(RangeError);
    expect(String(error)).toContain("stores it as 'MS-2025-03-31-A'");
    expect(sim.requests()).toEqual([]);
  });

  it('says clearly when the journal does not exist', async () => {
    await expect(journal({ journalCode: 'NOPE' }).send(line())).rejects.toThrow("Business Central has no general journal 'NOPE'");
  });
});

describe('[Bogføring] linesAlreadySent', () => {
  it('[Bogføring] returns the lines under the document number (externalDocumentNumber → BC id), following @odata.nextLink over several pages', async () => {
    const bc = journal();
    for (let n = 1; n <= 5; n++) await bc.send(line({ externalDocumentNumber: `MS-2025-03-31-${n}`, project: undefined, budgetLine: undefined }));
    await bc.send(line({ documentNumber: 'MS-2025-04-30', externalDocumentNumber: 'OTHER-RUN', project: undefined, budgetLine: undefined }));
    sim.setMaxPageSize(2);
    sim.clearRequests();

    const sent = await bc.linesAlreadySent('MS-2025-03-31');

    expect([...sent.keys()].sort()).toEqual(['MS-2025-03-31-1', 'MS-2025-03-31-2', 'MS-2025-03-31-3', 'MS-2025-03-31-4', 'MS-2025-03-31-5']);
    expect(sent.get('MS-2025-03-31-2')).toBe(sim.journalLines().find((stored) => stored.externalDocumentNumber === 'MS-2025-03-31-2')!.id);
    expect(apiRequests()).toEqual(['GET journalLines 200', 'GET journalLines 200', 'GET journalLines 200']);
    expect(await bc.linesAlreadySent('MS-2099-01-01')).toEqual(new Map());
  });
});

describe('[Bogføring] hasPostedEntries', () => {
  const postJournal = async () => expect((await fetch(`${sim.authorityUrl}/_sim/journals/${sim.journalCode}/post`, { method: 'POST' })).status).toBe(200);
  const ledgerRequests = () => sim.requests().filter((request) => request.path.endsWith('/generalLedgerEntries'));

  it('[Bogføring] is false while the document’s lines are in the journal, true once finance has posted them, false for another document', async () => {
    const bc = journal();
    await bc.send(line({ externalDocumentNumber: 'MS-2025-03-31-1' }));
    await bc.send(line({ externalDocumentNumber: 'MS-2025-03-31-2', accountNumber: '1030', contraAccountNumber: '5810' }));

    expect(await bc.hasPostedEntries('MS-2025-03-31')).toBe(false);
    await postJournal();

    expect(await bc.hasPostedEntries('MS-2025-03-31')).toBe(true);
    expect(await bc.hasPostedEntries('MS-2025-04-30')).toBe(false);
    expect(await bc.linesAlreadySent('MS-2025-03-31')).toEqual(new Map());
  });

  it('[Bogføring] asks BC’s general ledger for one entry id of the document, quoting it as an OData string', async () => {
    const bc = journal();
    await bc.send(line({ documentNumber: "MS-'Q", project: undefined, budgetLine: undefined }));
    await postJournal();
    sim.clearRequests();

    expect(await bc.hasPostedEntries("MS-'Q")).toBe(true);

    const [request] = ledgerRequests();
    expect(request).toMatchObject({ method: 'GET', path: expect.stringMatching(new RegExp(`/companies\\(${sim.companyId}\\)/generalLedgerEntries$`)), status: 200 });
    expect(new URLSearchParams(request?.query)).toEqual(new URLSearchParams({ $filter: "documentNumber eq 'MS-''Q'", $top: '1', $select: 'id' }));
    expect(apiRequests()).toEqual(['GET generalLedgerEntries 200']);
  });

  it('waits out a 429 and asks again, as every read does', async () => {
    sim.injectFault({ method: 'GET', path: '/v2.0/**/generalLedgerEntries', status: 429, retryAfterSeconds: 3 });

    expect(await journal().hasPostedEntries('MS-2025-03-31')).toBe(false);

    expect(waits).toContain(3_000);
    expect(ledgerRequests().map((request) => request.status)).toEqual([429, 200]);
  });
});

describe('[Bogføring] failures: a line is never sent twice, nor left without its dimensions', () => {
  it('waits out a 429 as its Retry-After says and sends the line once', async () => {
    sim.injectFault({ method: 'POST', path: '/v2.0/**/journalLines', status: 429, retryAfterSeconds: 2 });

    await journal().send(line());

    expect(waits).toContain(2_000);
    expect(apiRequests()).toEqual(['GET journals 200', 'POST journalLines 429', 'POST journalLines 201', 'POST dimensionSetLines 201', 'POST dimensionSetLines 201']);
    expect(sim.journalLines()).toHaveLength(1);
  });

  it('does not repeat a POST that BC answered with 5xx: UnknownOutcomeError, for the resume to ask linesAlreadySent', async () => {
    sim.injectFault({ method: 'POST', path: '/v2.0/**/journalLines', status: 503, times: 3 });

    const error = await journal().send(line()).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(error).toMatchObject({ status: 503, message: expect.stringContaining('it may have been carried out') });
    expect(apiRequests().filter((request) => request.startsWith('POST'))).toEqual(['POST journalLines 503']);
  });

  it('[Bogføring] does not repeat a POST that timed out; the line BC created anyway is among linesAlreadySent, and completeDimensions adds what it lacks', async () => {
    sim.injectFault({ method: 'POST', path: '/v2.0/**/journalLines', delayMs: 600 });
    const bc = journal({ retryPolicy: { ...shortRetryPolicy, timeoutMs: 200 } });

    const error = await bc.send(line()).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(UnknownOutcomeError);
    await expect.poll(() => sim.journalLines().length, { timeout: 3_000 }).toBe(1);
    const found = await bc.linesAlreadySent('MS-2025-03-31');
    expect([...found.keys()]).toEqual(['MS-2025-03-31-1040-5850-P123']);
    expect(apiRequests().filter((request) => request.startsWith('POST'))).toEqual(['POST journalLines 201']);
    expect(sim.journalLines()[0]!.dimensionSetLines).toEqual([]);

    await bc.completeDimensions(found.get('MS-2025-03-31-1040-5850-P123')!, line());
    await bc.completeDimensions(found.get('MS-2025-03-31-1040-5850-P123')!, line());
    expect(sim.journalLines()[0]!.dimensionSetLines.map(({ code, valueCode }) => [code, valueCode])).toEqual([
      ['SAG', line().project],
      ['SAGSOPGAVE', line().budgetLine],
    ]);
    expect(sim.journalLines()).toHaveLength(1);
  });

  it('renews the token once when BC answers 401, and repeats the request', async () => {
    const bc = journal();
    await bc.send(line({ externalDocumentNumber: 'FIRST' }));
    sim.expireTokens();

    await bc.send(line({ externalDocumentNumber: 'SECOND' }));

    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests().slice(4, 6)).toEqual(['POST journalLines 401', 'POST journalLines 201']);
    expect(sim.journalLines().map((sent) => sent.externalDocumentNumber)).toEqual(['FIRST', 'SECOND']);
  });

  it('[Bogføring] throws BC’s own reason for a line it refuses, e.g. an account not in its chart, without repeating it', async () => {
    const error = await journal().send(line({ accountNumber: '9999' })).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(BusinessCentralError);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code: 'Application_DialogException' });
    expect((error as Error).message).toContain('POST journal line MS-2025-03-31-1040-5850-P123: Application_DialogException: The "accountNumber" does not match to an Account.');
    expect(apiRequests().filter((request) => request.startsWith('POST'))).toEqual(['POST journalLines 400']);
  });

  it('deletes the line again when a dimension is refused, and throws BC’s reason', async () => {
    const error = await journal({ budgetLineDimension: 'BUDGET' }).send(line()).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(BusinessCentralError);
    expect((error as Error).message).toContain('POST dimension BUDGET of journal line MS-2025-03-31-1040-5850-P123');
    expect((error as Error).message).toContain('The "code" does not match to a Dimension.');
    expect(apiRequests().slice(-2)).toEqual(['POST dimensionSetLines 400', 'DELETE journalLines 204']);
    expect(sim.journalLines()).toEqual([]);
  });

  it('deletes the line again when a dimension POST gets no answer (it may have been added)', async () => {
    sim.injectFault({ method: 'POST', path: '/v2.0/**/dimensionSetLines', status: 502 });

    await expect(journal().send(line())).rejects.toBeInstanceOf(UnknownOutcomeError);

    expect(sim.journalLines()).toEqual([]);
  });

  it('throws UndimensionedJournalLineError, naming the line, when the line cannot be deleted either', async () => {
    sim.injectFault({ method: 'POST', path: '/v2.0/**/dimensionSetLines', status: 503 });
    sim.injectFault({ method: 'DELETE', path: '/v2.0/**', status: 500, times: 3 });

    const error = await journal().send(line()).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(UndimensionedJournalLineError);
    expect(error).toMatchObject({ journalLineId: sim.journalLines()[0]?.id, externalDocumentNumber: 'MS-2025-03-31-1040-5850-P123' });
    expect(apiRequests().filter((request) => request.startsWith('DELETE'))).toEqual(['DELETE journalLines 500', 'DELETE journalLines 500', 'DELETE journalLines 500']);
  });
});
