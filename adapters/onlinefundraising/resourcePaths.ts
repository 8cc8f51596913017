import type { OnlineFundraisingEntity } from './notification.js';

/** The REST collection of each entity under OF's API base URL (e.g. `/contacts/<id>`). */
export const onlineFundraisingResourcePaths: Readonly<Record<OnlineFundraisingEntity, string>> = {
  contact: 'contacts',
  agreement: 'agreements',
  subscription: 'subscriptions',
  payment_method: 'payment-methods',
  payment: 'payments',
  add_on: 'add-ons',
  data_set: 'data-sets',
};

export function entityOfResourcePath(path: string): OnlineFundraisingEntity | undefined {
  const found = Object.entries(onlineFundraisingResourcePaths).find(([, resource]) => resource === path);
  return found?.[0] as OnlineFundraisingEntity | undefined;
}
