import type { OnlineFundraisingAgreements } from '../../domain/dunning/ports.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { onlineFundraisingResourcePaths } from './resourcePaths.js';

/** Changes agreements in OF through its API, as staff ask the engine to. */
export class OnlineFundraisingAgreementWriter implements OnlineFundraisingAgreements {
  constructor(private readonly client: OnlineFundraisingApiClient) {}

  /**
   * `POST /agreements/<id>/cancel` (assumed, see the simulator's README): OF cancels the agreement,
   * ending it today, and its subscriptions as cancelled by the organisation, then notifies their
   * `updated`. Retried like a read: cancelling a cancelled agreement changes nothing. Throws
   * NotFoundError when OF does not know the agreement; OF's other refusals (400 for a reason that is
   * empty or longer than 500 characters) surface as HttpError.
   */
  async cancelAgreement(ofAgreementId: string, reason: string): Promise<void> {
    const path = `${onlineFundraisingResourcePaths.agreement}/${encodeURIComponent(ofAgreementId)}/cancel`;
    const agreement = await this.client.post(path, { reason });
    if (agreement === null) throw new NotFoundError(`OnlineFundraising cannot cancel agreement ${ofAgreementId}: it does not know it`);
  }
}
