import type { OnlineFundraisingContact } from '../../domain/person/OnlineFundraisingContact.js';
import type { OnlineFundraisingContacts } from '../../domain/person/ports.js';
import { contactFromWire } from './contactFromWire.js';
import { contactWireSchema } from './contactWireSchema.js';
import { formatIssues } from './formatIssues.js';
import type { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingFormatError } from './OnlineFundraisingFormatError.js';
import { onlineFundraisingResourcePaths } from './resourcePaths.js';

/** Reads a contact from OF's API and hands the domain its `OnlineFundraisingContact`. */
export class OnlineFundraisingContactReader implements OnlineFundraisingContacts {
  constructor(private readonly client: OnlineFundraisingApiClient) {}

  async getContact(contactId: string): Promise<OnlineFundraisingContact | null> {
    const body = await this.client.getById(onlineFundraisingResourcePaths.contact, contactId);
    if (body === null) return null;
    const parsed = contactWireSchema.safeParse(body);
    if (!parsed.success) throw new OnlineFundraisingFormatError('contact', formatIssues(parsed.error.issues));
    return contactFromWire(parsed.data);
  }
}
