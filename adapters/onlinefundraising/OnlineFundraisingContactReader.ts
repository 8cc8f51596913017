import type { OnlineFundraisingContact } from '../../domain/person/OnlineFundraisingContact.js';
import type { OnlineFundraisingContacts } from '../../domain/person/ports.js';
import { contactFromWire } from './contactFromWire.js';
import { contactWireSchema } from './contactWireSchema.js';
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
    // Zod's issue messages name paths and expected types, never the values, so no personal data leaks into logs.
    if (!parsed.success) throw new OnlineFundraisingFormatError('contact', summarise(parsed.error.issues));
    return contactFromWire(parsed.data);
  }
}

function summarise(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`).join('; ');
}
