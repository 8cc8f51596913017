import type { OnlineFundraisingContact } from '../person/OnlineFundraisingContact.js';
import { wholeChannel } from './ConsentEntry.js';
import { type RecordConsentPorts, recordConsentChanges } from './recordConsentChanges.js';

/**
 * [Permission][OnlineFundraising1] The consents a person gave or declined when signing up on an OF
 * form go into their consent log, one event per consent (OF's instant is part of its key, so a
 * repeated notification adds nothing and a later change at OF adds a new line).
 */
export async function recordOnlineFundraisingConsents(contact: OnlineFundraisingContact, personId: string, ports: RecordConsentPorts): Promise<void> {
  for (const consent of contact.consents ?? []) {
    await recordConsentChanges(
      {
        personId,
        eventKey: `onlinefundraising-contact:${contact.id}:${consent.channel}:${consent.at}:${consent.given}`,
        at: new Date(consent.at),
        source: { kind: 'onlinefundraising-signup', id: consent.source ?? contact.id },
        changes: [{ channel: consent.channel, topic: wholeChannel, action: consent.given ? 'granted' : 'withdrawn' }],
        ...(contact.contributionCode && { campaignCode: contact.contributionCode }),
      },
      ports,
    );
  }
}
