import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from './server.js';
import { accessToken, api } from './testRequests.js';

let sim: DataverseSimulator;
let token: string;

beforeAll(async () => {
  sim = await startDataverseSimulator();
  token = await accessToken(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

interface Collection {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
}

async function createContacts(...contacts: Record<string, unknown>[]): Promise<void> {
  for (const contact of contacts) await api(sim, token, 'POST', 'contacts', { body: contact });
}

async function query(path: string, headers: Record<string, string> = {}): Promise<{ response: Response; body: Collection }> {
  const response = await api(sim, token, 'GET', path, { headers });
  return { response, body: (await response.json()) as Collection };
}

describe('GET <entitySet>?$filter&$select&$top', () => {
  it('filters on eq text case-insensitively, and on numbers, booleans and null, joined by and', async () => {
    await createContacts(
      { firstname: 'Anna', lastname: 'Berg', emailaddress1: 'anna@example.dk', donotemail: false },
      { firstname: 'Anna', lastname: 'Holm', donotemail: true },
      { firstname: "O'Hara", lastname: 'Berg', statecode: 1 },
    );

    const byEmail = await query(`contacts?$select=lastname&$filter=emailaddress1 eq 'ANNA@example.dk'`);
    const byTwo = await query(`contacts?$select=lastname&$filter=firstname eq 'Anna' and donotemail eq true`);
    const byNull = await query(`contacts?$select=firstname&$filter=emailaddress1 eq null and statecode eq 0`);
    const byQuote = await query(`contacts?$select=firstname&$filter=firstname eq 'O''Hara' and statecode ne 0`);

    expect(byEmail.body).toEqual({
      '@odata.context': `${sim.apiUrl}/$metadata#contacts(lastname)`,
      value: [expect.objectContaining({ lastname: 'Berg' })],
    });
    expect(byTwo.body.value.map((row) => row['lastname'])).toEqual(['Holm']);
    expect(byNull.body.value.map((row) => row['firstname'])).toEqual(['Anna']);
    expect(byQuote.body.value.map((row) => row['firstname'])).toEqual(["O'Hara"]);
  });

  it('returns every column when there is no $select, and at most $top rows', async () => {
    await createContacts({ firstname: 'A' }, { firstname: 'B' }, { firstname: 'C' });

    const { body } = await query('contacts?$top=2');

    expect(body.value).toHaveLength(2);
    expect(body['@odata.nextLink']).toBeUndefined();
    expect(body.value[0]).toMatchObject({ firstname: 'A', lastname: null, emailaddress1: null, _parentcustomerid_value: null });
  });

  it('answers 400 for an unknown column, an incompatible literal and a filter outside the supported subset', async () => {
    const unknown = await query(`contacts?$filter=shoesize eq 42`);
    const incompatible = await query(`contacts?$filter=firstname eq 42`);
    const unsupported = await query(`contacts?$filter=contains(firstname,'A')`);
    const unsupportedOption = await query('contacts?$orderby=firstname');

    expect([unknown.response.status, incompatible.response.status, unsupported.response.status, unsupportedOption.response.status]).toEqual([
      400, 400, 400, 400,
    ]);
    expect(unknown.body).toEqual({
      error: { code: '0x80060888', message: "Could not find a property named 'shoesize' on type 'Microsoft.Dynamics.CRM.contact'." },
    });
  });
});

describe('paging with Prefer: odata.maxpagesize', () => {
  it('returns pages of that size linked by @odata.nextLink with a $skiptoken until the last page', async () => {
    await createContacts(...['A', 'B', 'C', 'D', 'E'].map((firstname) => ({ firstname, lastname: 'Paged' })));
    const prefer = { prefer: 'odata.maxpagesize=2' };

    const first = await query(`contacts?$select=firstname&$filter=lastname eq 'Paged'`, prefer);
    expect(first.response.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
    const nextLink = first.body['@odata.nextLink'] ?? '';
    expect(nextLink.startsWith(`${sim.apiUrl}/contacts?`)).toBe(true);
    expect(new URL(nextLink).searchParams.get('$skiptoken')).toMatch(/^<cookie pagenumber="2" pagingcookie=".+" istracking="False" \/>$/);

    const names = first.body.value.map((row) => row['firstname']);
    let link: string | undefined = nextLink;
    while (link) {
      const page = await fetch(link, { headers: { authorization: `Bearer ${token}`, ...prefer } });
      const body = (await page.json()) as Collection;
      names.push(...body.value.map((row) => row['firstname']));
      link = body['@odata.nextLink'];
    }
    expect(names).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
