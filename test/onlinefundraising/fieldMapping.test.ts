import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const putMappings = async (body: unknown, headers?: Record<string, string>) =>
  fetch(`${stack.engineUrl}/admin/field-mappings`, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(headers ?? (await adminHeaders(stack))) } });

const syncContact = async (contactId: string, fields: Record<string, unknown>) => {
  stack.onlineFundraising.put('contact', contactId, { first_name: 'Karen', last_name: 'Møller', contribution_code: 'FORM-A', ...fields });
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'updated' });
};

describe('[CARE-Mapping] the field mapping table', () => {
  it('[CARE-Mapping] a mapping staff change through the admin API takes effect on the next contact, without a restart', async () => {
    const put = await putMappings({
      rules: [
        { sourceField: 'stilling', target: 'jobtitle', type: 'text' },
        { sourceField: 'foedselsdato', target: 'birthdate', type: 'date', form: 'FORM-A' },
      ],
    });
    expect(put.status).toBe(200);
    await syncContact('fm-1', { custom_fields: { stilling: 'Sygeplejerske', foedselsdato: '24-11-1980', tshirt: 'L' } });
    const personId = personIdOf('fm-1');
    await eventually(() => expect(stack.dataverse.row('contacts', personId)).toMatchObject({ jobtitle: 'Sygeplejerske', birthdate: '1980-11-24' }));

    expect((await putMappings({ rules: [{ sourceField: 'stilling', target: 'description', type: 'text' }] })).status).toBe(200);
    const listed = (await (await fetch(`${stack.engineUrl}/admin/field-mappings`, { headers: await adminHeaders(stack) })).json()) as { rules: unknown[] };
    expect(listed.rules).toEqual([{ sourceField: 'stilling', target: 'description', type: 'text' }]);
    await syncContact('fm-1', { custom_fields: { stilling: 'Jordemoder', foedselsdato: '24-11-1980', tshirt: 'L' } });
    await eventually(() => expect(stack.dataverse.row('contacts', personId)).toMatchObject({ description: 'Jordemoder' }));
  });

  it('[CARE-Mapping] a bad table is refused with 400 naming the fields, and a staff token is required', async () => {
    const bad = await putMappings({ rules: [{ sourceField: '', target: 'Job Title', type: 'colour' }] });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { fields: { field: string }[] };
    expect(problem.fields.map((f) => f.field).sort()).toEqual(['rules.0.sourceField', 'rules.0.target', 'rules.0.type']);
    expect((await putMappings({ rules: [] }, {})).status).toBe(401);
  });
});
