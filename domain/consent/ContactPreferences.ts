import type { ConsentEntry } from './ConsentEntry.js';
import { mayContact } from './currentConsents.js';
import type { StopListEntry } from '../stoplist/StopListEntry.js';
import { forbids } from '../stoplist/forbids.js';

/**
 * [Permissionsstruktur1] What the CRM contact shows so that anything sent from Dynamics honours it:
 * the person's consent per channel now (the whole channel) and whether the stop list forbids SMS or
 * calls to their number or address.
 */
export interface ContactPreferences {
  email: boolean;
  sms: boolean;
  phone: boolean;
  post: boolean;
  stopList: { sms: boolean; telemarketing: boolean };
}

export function contactPreferencesOf(log: ConsentEntry[], stopListEntries: StopListEntry[]): ContactPreferences {
  return {
    email: mayContact(log, 'email'),
    sms: mayContact(log, 'sms'),
    phone: mayContact(log, 'phone'),
    post: mayContact(log, 'post'),
    stopList: { sms: stopListEntries.some((entry) => forbids(entry, 'sms')), telemarketing: stopListEntries.some((entry) => forbids(entry, 'telemarketing')) },
  };
}

/** No consent and no stop-list entry: what a person the refresh has not reached yet is taken to have. */
export const noContactPreferences: ContactPreferences = { email: false, sms: false, phone: false, post: false, stopList: { sms: false, telemarketing: false } };
