import { describe, expect, it } from 'vitest';
import type { Ids } from '../shared/Ids.js';
import { washContact } from './washContact.js';

/** Shows the key each id was made from, so the normalised values can be checked. */
const ids: Ids = { fromKey: (key) => `id(${key})`, random: () => 'random' };

describe('washContact', () => {
  it('[Leadflow] a plausible email and a valid phone are OK and give one key each, from the normalised values', () => {
    expect(washContact({ email: ' Anna.Berg@Example.DK ', phone: '22 33 44 55' }, ids)).toEqual({
      emailOk: true,
      phoneOk: true,
      contactKeys: ['id(email:anna.berg@example.dk)', 'id(phone:+4522334455)'],
    });
  });

  it.each(['anna.berg@example', 'anna.berg.example.dk', 'anna@@example.dk', 'anna berg@example.dk', 'anna@example..dk', 'anna@example.d', 'anna@example.123', '@example.dk'])(
    '[Leadflow] "%s" is not something@domain.tld: email_OK false and no key',
    (email) => {
      expect(washContact({ email, phone: '22334455' }, ids)).toEqual({ emailOk: false, phoneOk: true, contactKeys: ['id(phone:+4522334455)'] });
    },
  );

  it('[Leadflow] a phone that is no valid number is not OK and gives no key; a foreign number is OK', () => {
    expect(washContact({ email: 'anna@example.dk', phone: '1234' }, ids)).toEqual({ emailOk: true, phoneOk: false, contactKeys: ['id(email:anna@example.dk)'] });
    expect(washContact({ phone: '+46 70 123 45 67' }, ids).contactKeys).toEqual(['id(phone:+46701234567)']);
  });

  it('[Leadflow] a missing or blank email or phone is not OK and gives no key', () => {
    expect(washContact({}, ids)).toEqual({ emailOk: false, phoneOk: false, contactKeys: [] });
    expect(washContact({ email: '  ', phone: '' }, ids)).toEqual({ emailOk: false, phoneOk: false, contactKeys: [] });
  });

  it('[Leadflow] the same phone written three ways gives the same key', () => {
    const keys = ['+45 22 33 44 55', '0045 22334455', '22334455'].map((phone) => washContact({ phone }, ids).contactKeys);
    expect(keys).toEqual([['id(phone:+4522334455)'], ['id(phone:+4522334455)'], ['id(phone:+4522334455)']]);
  });
});
