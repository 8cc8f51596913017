import { type RefreshPreferencesPorts, refreshContactPreferences } from '../../domain/consent/refreshContactPreferences.js';
import type { TimerFunction } from './TimerFunction.js';

/** [Permissionsstruktur1] Every 5 minutes: consent and stop-list changes onto the persons' CRM contacts. */
export function contactPreferencesFunction(ports: RefreshPreferencesPorts): TimerFunction {
  return {
    name: 'contactPreferences',
    schedule: '0 */5 * * * *',
    handle: async () => {
      await refreshContactPreferences(ports);
    },
  };
}
