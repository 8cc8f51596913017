import { describe, expect, it } from 'vitest';
import { contactMergeOf, remoteExecutionContextSchema } from './remoteExecutionContext.js';
import { dataverseWebhookKeyHeader, hasDataverseWebhookKey } from './webhookKey.js';

const survivor = '5F0B3C1E-8E1A-4C43-9D52-0A1B2C3D4E5F';
const subordinate = '9a8b7c6d-1111-2222-3333-444455556666';

/** A Merge of two contacts as Dataverse posts it to a webhook (trimmed to what matters). */
const mergeContext = {
  MessageName: 'Merge',
  PrimaryEntityName: 'contact',
  PrimaryEntityId: survivor,
  UserId: 'a1a1a1a1-0000-0000-0000-000000000001',
  InitiatingUserId: 'b2b2b2b2-0000-0000-0000-000000000002',
  Stage: 40,
  Mode: 1,
  InputParameters: [
    { key: 'Target', value: { __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: survivor, LogicalName: 'contact', Name: null, KeyAttributes: [], RowVersion: null } },
    { key: 'SubordinateId', value: subordinate },
    { key: 'PerformParentingChecks', value: false },
  ],
  PreEntityImages: [],
  PostEntityImages: [],
};

describe('[OnlineFundraising13] the RemoteExecutionContext Dataverse posts', () => {
  it('[OnlineFundraising13] a Merge of contacts gives the survivor, the merged contact (lower-case GUIDs) and who did it', () => {
    const context = remoteExecutionContextSchema.parse(mergeContext);
    expect(contactMergeOf(context)).toEqual({ survivorId: survivor.toLowerCase(), mergedId: subordinate, userId: 'b2b2b2b2-0000-0000-0000-000000000002' });
  });

  it('[OnlineFundraising13] other messages, other tables and a Merge without its parameters are not contact merges', () => {
    expect(contactMergeOf(remoteExecutionContextSchema.parse({ ...mergeContext, MessageName: 'Update' }))).toBeUndefined();
    expect(contactMergeOf(remoteExecutionContextSchema.parse({ ...mergeContext, PrimaryEntityName: 'account' }))).toBeUndefined();
    expect(contactMergeOf(remoteExecutionContextSchema.parse({ ...mergeContext, InputParameters: [] }))).toBeUndefined();
  });

  it('[OnlineFundraising13] the webhook key is accepted in the header or as ?code=, and refused when wrong or missing', () => {
    const url = new URL('https://engine.example/webhooks/dataverse');
    expect(hasDataverseWebhookKey('the-key-0123456789', new Headers({ [dataverseWebhookKeyHeader]: 'the-key-0123456789' }), url)).toBe(true);
    expect(hasDataverseWebhookKey('the-key-0123456789', new Headers(), new URL(`${url}?code=the-key-0123456789`))).toBe(true);
    expect(hasDataverseWebhookKey('the-key-0123456789', new Headers({ [dataverseWebhookKeyHeader]: 'the-key-012345678X' }), url)).toBe(false);
    expect(hasDataverseWebhookKey('the-key-0123456789', new Headers(), url)).toBe(false);
  });
});
