import { isFlaggedInvalid, primaryValue } from './flagInvalidContact.js';
import type { ContactChannel } from './invalidContact.js';
import type { PersonRepository } from './ports.js';

export interface InvalidContactEntry {
  personId: string;
  name: string;
  channel: ContactChannel;
  value: string;
  reason: string;
  flaggedAt: string;
  flaggedBy: string;
}

/** [OnlineFundraising12] The contacts whose primary email or phone is marked as not working (and still is theirs). */
export async function listInvalidContacts(
  channel: ContactChannel,
  page: { pageSize: number; continuationToken?: string },
  ports: { persons: Pick<PersonRepository, 'findFlaggedInvalid'> },
): Promise<{ items: InvalidContactEntry[]; continuationToken?: string }> {
  const found = await ports.persons.findFlaggedInvalid(channel, page);
  const items = found.items
    .filter((person) => isFlaggedInvalid(person, channel))
    .map((person) => {
      const flag = person.invalid![channel]!;
      return {
        personId: person.id,
        name: `${person.firstName} ${person.lastName}`.trim(),
        channel,
        value: primaryValue(person, channel)!,
        reason: flag.reason,
        flaggedAt: flag.at,
        flaggedBy: flag.by,
      };
    });
  return { items, ...(found.continuationToken && { continuationToken: found.continuationToken }) };
}
