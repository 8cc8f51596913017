import type { OnlineFundraisingContact } from '../../domain/person/OnlineFundraisingContact.js';
import type { OnlineFundraisingContacts } from '../../domain/person/ports.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { type OnlineFundraisingContactChanges, contactChangesToWire } from './contactChanges.js';
import { contactFromWire } from './contactFromWire.js';
import { contactWireSchema } from './contactWireSchema.js';
import { formatIssues } from './formatIssues.js';
import type { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingFormatError } from './OnlineFundraisingFormatError.js';
import { onlineFundraisingResourcePaths } from './resourcePaths.js';

/** Reads a contact from OF's API and hands the domain its `OnlineFundraisingContact`; updates and merges contacts in OF. */
export class OnlineFundraisingContactReader implements OnlineFundraisingContacts {
  constructor(private readonly client: OnlineFundraisingApiClient) {}

  async getContact(contactId: string): Promise<OnlineFundraisingContact | null> {
    const body = await this.client.getById(onlineFundraisingResourcePaths.contact, contactId);
    if (body === null) return null;
    const parsed = contactWireSchema.safeParse(body);
    if (!parsed.success) throw new OnlineFundraisingFormatError('contact', formatIssues(parsed.error.issues));
    return contactFromWire(parsed.data);
  }

  /** `POST /contacts/<survivor>/merge` (assumed, see the simulator's README); OF's refusals surface as HttpError. */
  async mergeContacts(survivorContactId: string, mergedContactId: string): Promise<void> {
    const path = `${onlineFundraisingResourcePaths.contact}/${encodeURIComponent(survivorContactId)}/merge`;
    const survivor = await this.client.post(path, { contact_id: mergedContactId });
    if (survivor === null) {
      throw new NotFoundError(`OnlineFundraising cannot merge contact ${mergedContactId} into ${survivorContactId}: it does not know one of them`);
    }
  }

  /**
   * `PATCH /contacts/<id>` (assumed, see the simulator's README) with the changed master data; OF
   * then reads the contact as `updated_by: "api"` and notifies its `updated`. Retried like a read:
   * an update repeated changes nothing more. Throws NotFoundError when OF does not know the contact;
   * OF's other refusals (409 for a contact merged away, 400) surface as HttpError.
   */
  async updateContact(contactId: string, changes: OnlineFundraisingContactChanges): Promise<void> {
    const path = `${onlineFundraisingResourcePaths.contact}/${encodeURIComponent(contactId)}`;
    const contact = await this.client.patch(path, contactChangesToWire(changes));
    if (contact === null) throw new NotFoundError(`OnlineFundraising cannot update contact ${contactId}: it does not know it`);
  }
}
