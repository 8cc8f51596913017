import type { DataverseClient } from './DataverseClient.js';

/**
 * The Dataverse user the engine's app registration acts as (its application user), from `WhoAmI`,
 * asked once. Changes that user made come back through webhooks as the engine's own writes.
 */
export class DataverseIdentity {
  private userId: Promise<string> | undefined;

  constructor(private readonly client: DataverseClient) {}

  applicationUserId(): Promise<string> {
    this.userId ??= this.whoAmI().catch((error: unknown) => {
      this.userId = undefined;
      throw error;
    });
    return this.userId;
  }

  private async whoAmI(): Promise<string> {
    const response = await this.client.send('GET', 'WhoAmI');
    const body = (await response.json()) as { UserId?: unknown };
    if (typeof body.UserId !== 'string') throw new Error('Dataverse WhoAmI answered without a UserId');
    return body.UserId.toLowerCase();
  }
}
