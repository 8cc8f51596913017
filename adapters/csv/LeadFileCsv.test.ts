import { describe, expect, it } from 'vitest';
import { leadFileCsv } from './LeadFileCsv.js';

describe('leadFileCsv', () => {
  it('[Leadflow] writes a BOM, semicolons and CRLF, and quotes a field holding a semicolon', () => {
    const text = Buffer.from(leadFileCsv.render(['Fornavn', 'Telefon'], [['Søren', '22334455'], ['Anne; Marie', '+46701234567']])).toString('utf8');
    expect(text).toBe('\uFEFFFornavn;Telefon\r\nSøren;22334455\r\n"Anne; Marie";+46701234567\r\n');
  });

  it('[Leadflow] a file without leads is the headings alone', () => {
    expect(Buffer.from(leadFileCsv.render(['LeadId'], [])).toString('utf8')).toBe('\uFEFFLeadId\r\n');
  });
});
