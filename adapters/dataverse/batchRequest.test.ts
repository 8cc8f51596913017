import { describe, expect, it } from 'vitest';
import { upsertBatchBody } from './batchRequest.js';

const org = 'https://contoso.crm4.dynamics.com/api/data/v9.2';

describe('upsertBatchBody', () => {
  it('writes each upsert as a PATCH request of its own with Content-ID 1, 2, … and closes the batch', () => {
    const body = upsertBatchBody('batch_1', [
      { url: `${org}/msengine_agreements(7a000000-0000-4000-8000-000000000001)`, columns: { msengine_status: 'active' } },
      { url: `${org}/msengine_payments(7d000000-0000-4000-8000-000000000001)`, columns: { msengine_amount: 150.5 } },
    ]);

    expect(body).toBe(
      [
        '--batch_1',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        'Content-ID: 1',
        '',
        `PATCH ${org}/msengine_agreements(7a000000-0000-4000-8000-000000000001) HTTP/1.1`,
        'Content-Type: application/json; type=entry',
        '',
        '{"msengine_status":"active"}',
        '--batch_1',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        'Content-ID: 2',
        '',
        `PATCH ${org}/msengine_payments(7d000000-0000-4000-8000-000000000001) HTTP/1.1`,
        'Content-Type: application/json; type=entry',
        '',
        '{"msengine_amount":150.5}',
        '--batch_1--',
        '',
      ].join('\r\n'),
    );
  });
});
