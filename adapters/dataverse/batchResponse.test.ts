import { describe, expect, it } from 'vitest';
import { parseBatchResponse } from './batchResponse.js';

const org = 'https://contoso.crm4.dynamics.com/api/data/v9.2';

/** A `$batch` answer in the shape Dataverse writes it: a change set's answers nested, a failure with its error body. */
const dataverseAnswer = [
  '--batchresponse_c1bd45c1',
  'Content-Type: multipart/mixed; boundary=changesetresponse_ff83b4f1',
  '',
  '--changesetresponse_ff83b4f1',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  'Content-ID: 1',
  '',
  'HTTP/1.1 204 No Content',
  'OData-Version: 4.0',
  `OData-EntityId: ${org}/msengine_payments(7d000000-0000-4000-8000-000000000001)`,
  '',
  '',
  '--changesetresponse_ff83b4f1--',
  '--batchresponse_c1bd45c1',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  'Content-ID: 2',
  '',
  'HTTP/1.1 400 Bad Request',
  'Content-Type: application/json; odata.metadata=minimal',
  'OData-Version: 4.0',
  '',
  '{"error":{"code":"0x80044331","message":"A validation error occurred."}}',
  '--batchresponse_c1bd45c1',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  'HTTP/1.1 204 No Content',
  'OData-Version: 4.0',
  '',
  '',
  '--batchresponse_c1bd45c1--',
  '',
];

describe('parseBatchResponse', () => {
  it('reads every answer in order, those inside a change set response too, with Content-ID, status and body', () => {
    const answers = parseBatchResponse('multipart/mixed; boundary=batchresponse_c1bd45c1', dataverseAnswer.join('\r\n'));

    expect(answers).toEqual([
      { contentId: '1', status: 204, body: '' },
      { contentId: '2', status: 400, body: '{"error":{"code":"0x80044331","message":"A validation error occurred."}}' },
      { status: 204, body: '' },
    ]);
  });

  it('accepts LF line breaks and a quoted boundary, and finds nothing without a boundary', () => {
    expect(parseBatchResponse('multipart/mixed; boundary="batchresponse_c1bd45c1"', dataverseAnswer.join('\n'))).toHaveLength(3);
    expect(parseBatchResponse('application/json', '{"error":{}}')).toEqual([]);
  });
});
