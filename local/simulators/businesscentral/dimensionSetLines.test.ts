import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BusinessCentralSimulator, startBusinessCentralSimulator } from './server.js';
import { type ApiClient, apiClient, errorOf, journalLine, journalLinesPath } from './testRequests.js';

let sim: BusinessCentralSimulator;
let api: ApiClient;
let lineRecord: Record<string, unknown>;
let dimensionsPath: string;

beforeAll(async () => {
  sim = await startBusinessCentralSimulator();
  api = await apiClient(sim);
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  const lines = await journalLinesPath(sim, api);
  lineRecord = (await (await api('POST', lines, journalLine())).json()) as Record<string, unknown>;
  dimensionsPath = `${lines}(${String(lineRecord['id'])})/dimensionSetLines`;
});

describe('dimensionSetLines of a journal line', () => {
  it('adds a dimension by code and value code (upper-cased) and lists the line’s dimensions', async () => {
    const response = await api('POST', dimensionsPath, { code: 'sag', valueCode: 'p123' });
    await api('POST', dimensionsPath, { code: 'SAGSOPGAVE', valueCode: 'B-7' });

    expect(response.status).toBe(201);
    const sag = sim.dimensions().find((dimension) => dimension.code === 'SAG');
    expect(await response.json()).toMatchObject({ id: sag?.id, code: 'SAG', parentId: lineRecord['id'], parentType: 'Journal Line', displayName: 'Sag', valueCode: 'P123' });
    const listed = (await (await api('GET', dimensionsPath)).json()) as { value: Record<string, unknown>[] };
    expect(listed.value.map(({ code, valueCode }) => ({ code, valueCode }))).toEqual([
      { code: 'SAG', valueCode: 'P123' },
      { code: 'SAGSOPGAVE', valueCode: 'B-7' },
    ]);
    expect(sim.journalLines()[0]?.dimensionSetLines).toMatchObject([
      { code: 'SAG', valueCode: 'P123' },
      { code: 'SAGSOPGAVE', valueCode: 'B-7' },
    ]);
  });

  it('adds a dimension by id and value id, as BC answered them for another line', async () => {
    const first = (await (await api('POST', dimensionsPath, { code: 'SAG', valueCode: 'P1' })).json()) as { id: string; valueId: string };
    const lines = await journalLinesPath(sim, api);
    const other = (await (await api('POST', lines, journalLine({ externalDocumentNumber: 'X-2' }))).json()) as { id: string };

    const response = await api('POST', `${lines}(${other.id})/dimensionSetLines`, { id: first.id, valueId: first.valueId });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ code: 'SAG', valueCode: 'P1', parentId: other.id });
  });

  it('changes the journal line’s ETag when its dimension set changes', async () => {
    await api('POST', dimensionsPath, { code: 'SAG', valueCode: 'P123' });

    const line = (await (await api('GET', dimensionsPath.replace(/\/dimensionSetLines$/, ''))).json()) as Record<string, unknown>;
    expect(line['@odata.etag']).not.toBe(lineRecord['@odata.etag']);
  });

  it.each([
    [{ code: 'PROJEKT', valueCode: 'P1' }, 'The "code" does not match to a Dimension.'],
    [{}, 'The "id" or "code" field must be filled in.'],
    [{ valueCode: 'P1' }, 'The "valueCode" does not match to a Dimension Value.'],
    [{ code: 'SAG' }, 'The "valueId" or "valueCode" field must be filled in.'],
    [{ code: 'SAG', valueCode: 'V'.repeat(21) }, 'The length of the string is 21, but it must be less than or equal to 20 characters.'],
    [{ code: 'SAG', valueCode: 'P1', parentType: 'Sales Order' }, "Control 'Parent Type' is read-only."],
  ])('refuses %j with 400: %s', async (body, message) => {
    const error = await errorOf(await api('POST', dimensionsPath, body));

    expect(error.status).toBe(400);
    expect(error.message).toContain(message);
    expect(sim.journalLines()[0]?.dimensionSetLines).toEqual([]);
  });

  it('refuses a value code the dimension does not have, when its values are listed', async () => {
    sim.setDimensions([{ code: 'SAG', displayName: 'Sag', values: ['P1', 'P2'] }]);

    expect(await errorOf(await api('POST', dimensionsPath, { code: 'SAG', valueCode: 'P3' }))).toMatchObject({
      status: 400,
      code: 'Application_DialogException',
      message: expect.stringContaining('The "valueCode" does not match to a Dimension Value.'),
    });
    expect((await api('POST', dimensionsPath, { code: 'SAG', valueCode: 'p2' })).status).toBe(201);
  });

  it('refuses a second line for the same dimension', async () => {
    await api('POST', dimensionsPath, { code: 'SAG', valueCode: 'P1' });

    expect(await errorOf(await api('POST', dimensionsPath, { code: 'SAG', valueCode: 'P2' }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('The dimension set line already exists.'),
    });
  });
});
