import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, signatureHeader, timestampHeader, verifyWebhook } from './webhookSignature.js';

const secret = 'whsec_test_1';
const body = JSON.stringify({
  notificationId: '7b0c8f0e-3d53-4f4e-9a7b-6b1f2f5d9c11',
  entity: 'contact',
  entityId: 'c-1001',
  event: 'created',
  occurredAt: '2025-03-01T10:00:00.000Z',
});
const sentAt = new Date('2025-03-01T10:00:00.000Z');

describe('signWebhook', () => {
  it('sends the unix timestamp and a v1 HMAC-SHA256 of "<timestamp>.<body>" in lowercase hex', () => {
    const headers = signWebhook(secret, body, sentAt);

    const timestamp = String(sentAt.getTime() / 1000);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(headers).toEqual({ [timestampHeader]: timestamp, [signatureHeader]: `v1=${expected}` });
  });

  it('sends one v1 value per secret while a secret is being rotated', () => {
    const headers = signWebhook(['old-secret', 'new-secret'], body, sentAt);

    expect(headers[signatureHeader]).toMatch(/^v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
  });
});

describe('verifyWebhook', () => {
  const signed = signWebhook(secret, body, sentAt);

  it('accepts a webhook signed with the secret, within the window', () => {
    const oneMinuteLater = new Date(sentAt.getTime() + 60_000);

    expect(verifyWebhook({ secret, rawBody: body, headers: signed, now: oneMinuteLater })).toEqual({ ok: true });
  });

  it('reads headers from a lookup function, a Headers object or a record in any case', () => {
    const lowerCased = Object.fromEntries(Object.entries(signed).map(([name, value]) => [name.toLowerCase(), value]));
    const asHeaders = new Headers(signed);

    expect(verifyWebhook({ secret, rawBody: body, headers: lowerCased, now: sentAt }).ok).toBe(true);
    expect(verifyWebhook({ secret, rawBody: body, headers: asHeaders, now: sentAt }).ok).toBe(true);
    expect(verifyWebhook({ secret, rawBody: body, headers: (name) => asHeaders.get(name), now: sentAt }).ok).toBe(true);
  });

  it('accepts the raw body as bytes', () => {
    expect(verifyWebhook({ secret, rawBody: Buffer.from(body), headers: signed, now: sentAt }).ok).toBe(true);
  });

  it('rejects a webhook signed with another secret', () => {
    const forged = signWebhook('someone-elses-secret', body, sentAt);

    expect(verifyWebhook({ secret, rawBody: body, headers: forged, now: sentAt })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a tampered body', () => {
    const tampered = body.replace('c-1001', 'c-6666');

    expect(verifyWebhook({ secret, rawBody: tampered, headers: signed, now: sentAt })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a signed webhook replayed after the tolerance window', () => {
    const sixMinutesLater = new Date(sentAt.getTime() + 6 * 60_000);

    expect(verifyWebhook({ secret, rawBody: body, headers: signed, now: sixMinutesLater })).toEqual({
      ok: false,
      reason: 'timestamp_outside_window',
    });
  });

  it('honours a custom tolerance', () => {
    const twoMinutesLater = new Date(sentAt.getTime() + 2 * 60_000);

    expect(verifyWebhook({ secret, rawBody: body, headers: signed, now: twoMinutesLater, toleranceSeconds: 60 })).toEqual({
      ok: false,
      reason: 'timestamp_outside_window',
    });
  });

  it('rejects a timestamp too far in the future', () => {
    const fromTheFuture = signWebhook(secret, body, new Date(sentAt.getTime() + 10 * 60_000));

    expect(verifyWebhook({ secret, rawBody: body, headers: fromTheFuture, now: sentAt })).toEqual({
      ok: false,
      reason: 'timestamp_outside_window',
    });
  });

  it('rejects a webhook without signature or timestamp header', () => {
    const { [signatureHeader]: _signature, ...withoutSignature } = signed;
    const { [timestampHeader]: _timestamp, ...withoutTimestamp } = signed;

    expect(verifyWebhook({ secret, rawBody: body, headers: {}, now: sentAt })).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verifyWebhook({ secret, rawBody: body, headers: withoutSignature, now: sentAt })).toEqual({
      ok: false,
      reason: 'missing_signature',
    });
    expect(verifyWebhook({ secret, rawBody: body, headers: withoutTimestamp, now: sentAt })).toEqual({
      ok: false,
      reason: 'missing_timestamp',
    });
  });

  it('rejects a malformed timestamp or a signature header without a v1 value', () => {
    expect(verifyWebhook({ secret, rawBody: body, headers: { ...signed, [timestampHeader]: 'yesterday' }, now: sentAt })).toEqual({
      ok: false,
      reason: 'malformed_timestamp',
    });
    expect(verifyWebhook({ secret, rawBody: body, headers: { ...signed, [signatureHeader]: 'v0=abc' }, now: sentAt })).toEqual({
      ok: false,
      reason: 'malformed_signature',
    });
  });

  it('cannot be fooled by moving the timestamp of a signed webhook', () => {
    const later = String(Number(signed[timestampHeader]) + 1);

    expect(verifyWebhook({ secret, rawBody: body, headers: { ...signed, [timestampHeader]: later }, now: sentAt })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('accepts any one matching v1 value, so secrets can be rotated on either side', () => {
    const duringRotation = signWebhook(['old-secret', secret], body, sentAt);
    const signedWithNewOnly = signWebhook('new-secret', body, sentAt);

    expect(verifyWebhook({ secret, rawBody: body, headers: duringRotation, now: sentAt }).ok).toBe(true);
    expect(verifyWebhook({ secret: [secret, 'new-secret'], rawBody: body, headers: signedWithNewOnly, now: sentAt }).ok).toBe(true);
  });
});
