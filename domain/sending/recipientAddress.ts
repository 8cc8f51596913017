import type { Person } from '../person/Person.js';
import type { MessageChannel } from './MessageTemplate.js';

/** Where a message to the person goes now: the primary email or mobile number, unless it is marked as not working. */
export function recipientAddress(person: Pick<Person, 'emails' | 'phones' | 'invalid'>, channel: MessageChannel): string | undefined {
  if (channel === 'email') {
    const email = person.emails[0];
    return email && person.invalid?.email?.value !== email ? email : undefined;
  }
  const phone = person.phones.primary;
  return phone && person.invalid?.phone?.value !== phone ? phone : undefined;
}

/** The consent channel a message channel needs. */
export function consentChannelOf(channel: MessageChannel): 'email' | 'sms' {
  return channel;
}
