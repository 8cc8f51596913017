import { z } from 'zod';
import type { OnlineFundraisingEntity } from '../../domain/onlinefundraising/OnlineFundraisingNotification.js';
import type { OfChangePage, OnlineFundraisingChanges } from '../../domain/reconciliation/ports.js';
import type { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingFormatError } from './OnlineFundraisingFormatError.js';
import { onlineFundraisingResourcePaths } from './resourcePaths.js';

/** Only what reconciliation needs of a listed entity; the rest is read per entity when processed. */
const changePageSchema = z.object({
  data: z.array(z.object({ id: z.string().min(1), updated_at: z.iso.datetime({ offset: true }) })),
  next_cursor: z.string().min(1).nullable(),
});

const pageSize = 200;

/** OF's listings `?updated_since=…&cursor=…`, as pages of changes. */
export class OnlineFundraisingChangeFeed implements OnlineFundraisingChanges {
  constructor(private readonly client: OnlineFundraisingApiClient) {}

  async listChangedSince(entity: OnlineFundraisingEntity, since: string | undefined, cursor?: string): Promise<OfChangePage> {
    const query: Record<string, string> = { page_size: String(pageSize), ...(since && { updated_since: since }), ...(cursor && { cursor }) };
    const parsed = changePageSchema.safeParse(await this.client.list(onlineFundraisingResourcePaths[entity], query));
    if (!parsed.success) throw new OnlineFundraisingFormatError(`${entity} listing`, parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
    return {
      changes: parsed.data.data.map((item) => ({ id: item.id, updatedAt: item.updated_at })),
      ...(parsed.data.next_cursor && { nextCursor: parsed.data.next_cursor }),
    };
  }
}
