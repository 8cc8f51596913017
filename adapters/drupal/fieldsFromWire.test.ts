import { describe, expect, it } from 'vitest';
import { fieldsFromWire } from './fieldsFromWire.js';

describe('fieldsFromWire', () => {
  it('[OnlineFundraising15] keeps strings as they are, writes checkboxes as "1"/"0" and numbers as written', () => {
    expect(fieldsFromWire({ name: ' Anna ', consent: true, sms: false, amount: 150.5, count: 0 })).toEqual({
      name: ' Anna ',
      consent: '1',
      sms: '0',
      amount: '150.5',
      count: '0',
    });
  });

  it('[OnlineFundraising15] joins multi-values with ", " and leaves out null, empty and all-empty values', () => {
    expect(fieldsFromWire({ topics: ['klima', '', null, 'demokrati'], none: [], blanks: [null, ''], empty: '', missing: null })).toEqual({
      topics: 'klima, demokrati',
    });
  });

  it('names a composite element’s parts <element>.<part>', () => {
    expect(fieldsFromWire({ name: { first: 'Anna', last: 'Hansen', title: '' }, address: { lines: ['Vestergade 1', '2. th'] } })).toEqual({
      'name.first': 'Anna',
      'name.last': 'Hansen',
      'address.lines': 'Vestergade 1, 2. th',
    });
  });
});
