import { describe, expect, it } from 'vitest';
import { campaignCodingOf } from './campaignCoding.js';

describe('[Kampagnemodel] campaign coding', () => {
  it('[Kampagnemodel] _RF is restricted, _NRF and the legacy GF are not', () => {
    expect(campaignCodingOf('DON_WEB_RF_Gaza2026').restricted).toBe(true);
    expect(campaignCodingOf('DON_WEB_NRF_Julekampagne').restricted).toBe(false);
    expect(campaignCodingOf('Julekampagne 2019 GF').restricted).toBe(false);
    expect(campaignCodingOf('Julekampagne 2026').restricted).toBeUndefined();
  });

  it('[Kampagnemodel] the source and the kind are read from the name, case-insensitively', () => {
    expect(campaignCodingOf('mem-don_phone_nrf_upgrade')).toEqual({ restricted: false, source: 'PHONE', kind: 'MEM-DON' });
    expect(campaignCodingOf('ONE-OFF SMS RF Flood')).toEqual({ restricted: true, source: 'SMS', kind: 'ONE-OFF' });
    expect(campaignCodingOf('DON_SHOP_NRF')).toEqual({ restricted: false, source: 'SHOP', kind: 'DON' });
    expect(campaignCodingOf('Webshop')).toEqual({});
  });
});
