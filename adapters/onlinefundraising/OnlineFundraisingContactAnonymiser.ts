import type { OnlineFundraisingAnonymisation } from '../../domain/anonymisation/ports.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { onlineFundraisingResourcePaths } from './resourcePaths.js';

/** [OnlineFundraising5] Anonymises contacts in OF through its API. */
export class OnlineFundraisingContactAnonymiser implements OnlineFundraisingAnonymisation {
  constructor(private readonly client: OnlineFundraisingApiClient) {}

  /**
   * `POST /contacts/<id>/anonymize` (assumed, see the simulator's README): OF empties the contact's
   * personal fields and marks it anonymised. Retried like a read (429, 5xx, timeouts): anonymising an
   * anonymised contact changes nothing. NotFoundError when OF does not know the contact.
   */
  async anonymiseContact(ofContactId: string): Promise<void> {
    const contact = await this.client.post(`${onlineFundraisingResourcePaths.contact}/${encodeURIComponent(ofContactId)}/anonymize`, {});
    if (contact === null) throw new NotFoundError(`OnlineFundraising cannot anonymise contact ${ofContactId}: it does not know it`);
  }
}
