import { describe, expect, it } from 'vitest';
import { type EngagementFacts, lastEngagement } from './engagement.js';

const none: EngagementFacts = { payments: [], signatures: [], formSubmissions: [], consentEntries: [], inboundSms: [] };

describe('[CARE-Anon] engagement, defined once', () => {
  it('[CARE-Anon] the latest of a payment, a signature, a form, a consent the person gave and an inbound SMS', () => {
    const facts: EngagementFacts = {
      payments: [{ paymentDate: '2024-05-01', amountOre: 20_000 }],
      signatures: [{ signedAt: '2025-02-01T10:00:00.000Z' }],
      formSubmissions: [{ submittedAt: '2023-01-01T10:00:00.000Z' }],
      consentEntries: [{ at: '2022-01-01T10:00:00.000Z', source: { kind: 'drupal-form' } }],
      inboundSms: [{ receivedAt: '2025-01-15T10:00:00.000Z' }],
    };
    expect(lastEngagement(facts)).toEqual({ on: '2025-02-01', kind: 'signature' });
    expect(lastEngagement({ ...facts, inboundSms: [{ receivedAt: '2025-03-01T09:00:00.000Z' }] })).toEqual({ on: '2025-03-01', kind: 'inbound-sms' });
    // Late on New Year's Eve in UTC is already New Year's Day in Copenhagen.
    expect(lastEngagement({ ...none, signatures: [{ signedAt: '2025-12-31T23:30:00.000Z' }] })).toEqual({ on: '2026-01-01', kind: 'signature' });
  });

  it('[CARE-Anon] what MS did is not engagement: a refund, a consent staff entered, a consent carried over by a merge', () => {
    expect(lastEngagement({ ...none, payments: [{ paymentDate: '2025-01-01', amountOre: -20_000 }] })).toBeUndefined();
    expect(lastEngagement({ ...none, consentEntries: [{ at: '2025-01-01T00:00:00.000Z', source: { kind: 'staff' } }, { at: '2025-02-01T00:00:00.000Z', source: { kind: 'onlinefundraising-signup' }, carriedFrom: 'other' }] })).toBeUndefined();
    expect(lastEngagement(none)).toBeUndefined();
  });
});
