import type { OnlineFundraisingEntity } from '../../../adapters/onlinefundraising/notification.js';
import type { EntityRecords } from './entities.js';

type Blank<E extends OnlineFundraisingEntity> = Omit<EntityRecords[E], 'id' | 'created_at' | 'updated_at'>;

/** What a new entity holds before the fields given to the control API are laid over it. */
export const blankRecords: { [E in OnlineFundraisingEntity]: (now: string) => Blank<E> } = {
  contact: () => ({
    first_name: null,
    last_name: null,
    email: null,
    email_secondary: null,
    phone: null,
    phone_secondary: null,
    address: null,
    contribution_code: null,
    company: null,
  }),
  agreement: () => ({
    contact_id: '',
    type: 'membership',
    status: 'active',
    contribution_code: null,
    start_date: null,
    end_date: null,
    cancellation_reason: null,
  }),
  subscription: () => ({
    agreement_id: '',
    amount: 0,
    currency: 'DKK',
    interval: 'monthly',
    status: 'active',
    next_charge_date: null,
    paused_until: null,
  }),
  payment_method: () => ({
    contact_id: '',
    agreement_id: null,
    type: 'betalingsservice',
    status: 'pending',
    status_reason: null,
    masked_reference: null,
  }),
  payment: () => ({
    contact_id: '',
    agreement_id: null,
    subscription_id: null,
    payment_method_id: null,
    amount: 0,
    currency: 'DKK',
    status: 'pending',
    status_reason: null,
    due_date: null,
    paid_at: null,
    contribution_code: null,
  }),
  add_on: () => ({ agreement_id: '', subscription_id: null, name: '', amount: 0, status: 'active' }),
  data_set: (now) => ({
    type: 'form',
    contact_id: null,
    phone: null,
    received_at: now,
    keyword: null,
    text: null,
    form_id: null,
    fields: {},
    contribution_code: null,
  }),
};
