import type { MessageChannel } from '../../domain/sending/MessageTemplate.js';
import type { OutboundMessage } from '../../domain/sending/OutboundMessage.js';
import type { OutboundMessages } from '../../domain/sending/ports.js';
import type { Versioned } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { hasStatus } from './documents.js';

const statuses: OutboundMessage['status'][] = ['planned', 'sending', 'sent', 'skipped'];

/**
 * Outbound messages (container `outbound-messages`, partitioned by id so the sender reads and claims
 * one with a point read and an ETag). Created in bulk when a send is planned; the counts behind the
 * rate and the caps are COUNT queries on the channel, person and `sentAt`.
 */
export class CosmosOutboundMessages extends CosmosVersionedStore<OutboundMessage> implements OutboundMessages {
  async claim(message: OutboundMessage, etag: string): Promise<Versioned<OutboundMessage> | null> {
    try {
      const { etag: newEtag } = await this.container.item(message.id, message.id).replace(message, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { value: message, etag: newEtag };
    } catch (error) {
      if (hasStatus(error, 412)) return null;
      throw error;
    }
  }

  async due(sendId: string, staleClaimsBefore: string, limit: number): Promise<Versioned<OutboundMessage>[]> {
    return this.queryVersioned({
      query: `SELECT TOP ${Math.trunc(limit)} * FROM c WHERE c.sendId = @sendId AND (c.status = 'planned' OR (c.status = 'sending' AND c.claimedAt < @stale))`,
      parameters: [
        { name: '@sendId', value: sendId },
        { name: '@stale', value: staleClaimsBefore },
      ],
    });
  }

  async countSentSince(channel: MessageChannel, since: string): Promise<number> {
    return this.count('c.channel = @channel AND c.sentAt >= @since', { '@channel': channel, '@since': since });
  }

  async countSentToPersonSince(personId: string, channel: MessageChannel, since: string): Promise<number> {
    return this.count('c.personId = @personId AND c.channel = @channel AND c.sentAt >= @since', { '@personId': personId, '@channel': channel, '@since': since });
  }

  async countByStatus(sendId: string): Promise<Record<OutboundMessage['status'], number>> {
    const counts = await Promise.all(statuses.map((status) => this.count('c.sendId = @sendId AND c.status = @status', { '@sendId': sendId, '@status': status })));
    return Object.fromEntries(statuses.map((status, index) => [status, counts[index]!])) as Record<OutboundMessage['status'], number>;
  }

  async ofPerson(personId: string): Promise<OutboundMessage[]> {
    const query = { query: 'SELECT * FROM c WHERE c.personId = @personId ORDER BY c.plannedAt DESC', parameters: [{ name: '@personId', value: personId }] };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }

  private async count(where: string, parameters: Record<string, string>): Promise<number> {
    const { resources } = await this.container.items
      .query<number>({ query: `SELECT VALUE COUNT(1) FROM c WHERE ${where}`, parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })) })
      .fetchAll();
    return resources[0] ?? 0;
  }
}
