import type { Container } from '@azure/cosmos';
import { type ContactPreferenceChanges, contactPreferencesWatermarkId } from '../../domain/consent/refreshContactPreferences.js';
import type { Versioned } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPages } from './queryPage.js';

const valuesPerQuery = 200;

/**
 * [Permissionsstruktur1] What changed for the contact-preference refresh: consent lines by the
 * instant they were recorded, stop-list entries by Cosmos's own change stamp (`_ts`, seconds; an
 * entry's own dates say when it was asked for, not when it was written), matched to persons by their
 * phones and first two emails.
 */
export class CosmosContactPreferenceChanges implements ContactPreferenceChanges {
  private readonly state: CosmosVersionedStore<{ id: string; since: string }>;

  constructor(private readonly containers: { consentLog: Container; stopList: Container; persons: Container; engineState: Container }) {
    this.state = new CosmosVersionedStore(containers.engineState);
  }

  async personsWithConsentChangesSince(since: string): Promise<string[]> {
    const ids = new Set<string>();
    const query = { query: 'SELECT c.personId FROM c WHERE c.recordedAt > @since', parameters: [{ name: '@since', value: since }] };
    for await (const page of queryPages<{ personId: string }>(this.containers.consentLog, query, 5_000)) for (const { personId } of page) ids.add(personId);
    return [...ids];
  }

  async personsOnStopListChangesSince(since: string): Promise<string[]> {
    const seconds = since ? Math.floor(Date.parse(since) / 1000) - 1 : 0;
    const phones = new Set<string>();
    const emails = new Set<string>();
    const query = { query: 'SELECT c.phone, c.email FROM c WHERE c._ts >= @seconds', parameters: [{ name: '@seconds', value: seconds }] };
    for await (const page of queryPages<{ phone?: string; email?: string }>(this.containers.stopList, query, 5_000)) {
      for (const { phone, email } of page) {
        if (phone) phones.add(phone);
        if (email) emails.add(email);
      }
    }
    return this.personsWith([...phones], [...emails]);
  }

  watermark(): Promise<Versioned<{ id: string; since: string }> | null> {
    return this.state.get(contactPreferencesWatermarkId);
  }

  saveWatermark(value: { id: string; since: string }, etag?: string): Promise<'saved' | 'stale'> {
    return this.state.save(value, etag);
  }

  private async personsWith(phones: string[], emails: string[]): Promise<string[]> {
    const ids = new Set<string>();
    const where = 'NOT IS_DEFINED(c.mergedInto) AND (ARRAY_CONTAINS(@phones, c.phones.primary) OR ARRAY_CONTAINS(@phones, c.phones.secondary) OR ARRAY_CONTAINS(@emails, c.emails[0]) OR ARRAY_CONTAINS(@emails, c.emails[1]))';
    for (let start = 0; start < Math.max(phones.length, emails.length); start += valuesPerQuery) {
      const parameters = [
        { name: '@phones', value: phones.slice(start, start + valuesPerQuery) },
        { name: '@emails', value: emails.slice(start, start + valuesPerQuery) },
      ];
      for await (const page of queryPages<{ id: string }>(this.containers.persons, { query: `SELECT c.id FROM c WHERE ${where}`, parameters }, 5_000)) for (const { id } of page) ids.add(id);
    }
    return [...ids];
  }
}
