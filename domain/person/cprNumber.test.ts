import { describe, expect, it } from 'vitest';
import { checkCprNumber } from './cprNumber.js';

describe('[CampaignAutomation9] CPR numbers', () => {
  it('[CampaignAutomation9] ten digits with a real date are taken, with or without the dash; modulus 11 is not required', () => {
    expect(checkCprNumber('010190-1234')).toEqual({ ok: true, cpr: '0101901234' });
    expect(checkCprNumber(' 2902 00 4017 ')).toEqual({ ok: true, cpr: '2902004017' }); // 29 Feb 2000 (seventh digit 4, year 00 → 2000)
    expect(checkCprNumber('0101901235').ok).toBe(true); // fails modulus 11, issued after 2007: still a CPR number
  });

  it('[CampaignAutomation9] an impossible date, a short number or letters are refused with the reason', () => {
    expect(checkCprNumber('3102901234')).toEqual({ ok: false, problem: expect.stringContaining('31.02.1990 does not exist') });
    expect(checkCprNumber('2902001234')).toEqual({ ok: false, problem: expect.stringContaining('29.02.1900') }); // seventh digit 1 → 1900, not a leap year
    expect(checkCprNumber('0113901234').ok).toBe(false);
    expect(checkCprNumber('010190123').ok).toBe(false);
    expect(checkCprNumber('01019O1234').ok).toBe(false);
  });

  it('[CampaignAutomation9] the century follows the seventh digit', () => {
    expect(checkCprNumber('2902584000')).toEqual({ ok: false, problem: expect.stringContaining('1958') }); // 4 and year 58 → 1958
    expect(checkCprNumber('2902345000').ok).toBe(false); // 5, year 34 → 2034: not a leap year
    expect(checkCprNumber('2902325000').ok).toBe(true); // 5, year 32 → 2032: a leap year
    expect(checkCprNumber('0101685000')).toEqual({ ok: true, cpr: '0101685000' }); // 5, year 68 → 1868
  });
});
