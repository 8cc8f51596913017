import type { ColumnDefinition, ColumnType, DatasetDefinition } from './DatasetDefinition.js';

const column = (name: string, type: ColumnType, description: string, nullable = true): ColumnDefinition => ({ name, type, description, nullable });

/**
 * [Rapportering1][Rapportering2][Rapportering3] The datasets Power BI reads.
 * They carry the engine's person id, never names, emails, phone numbers, addresses or CPR numbers.
 */
export const paymentsDataset: DatasetDefinition = {
  name: 'payments',
  description: 'Every payment MS received, every refund (as a negative row linked to the payment it pays back) and every payment imported from files (invoices, bank transfers, MobilePay business platform).',
  partitionedBy: 'payment_date',
  columns: [
    column('payment_id', 'string', "The engine's id of the payment.", false),
    column('payment_date', 'date', 'The day the money arrived (or, for a refund, went back), Danish time.', false),
    column('person_id', 'string', "The engine's id of the person who paid; empty for imported payments not linked to a person."),
    column('amount', 'money', 'Kroner; negative for a refund.', false),
    column('source', 'string', 'onlinefundraising, refund, invoice, bank_transfer or mobilepay_business.', false),
    column('channel', 'string', 'How it was paid: betalingsservice, mobilepay, card, sms, invoice, giro, bank_transfer, consumer_society.', false),
    column('agreement_kind', 'string', 'membership, regular_support or one_off, when the payment belongs to an agreement.'),
    column('campaign_code', 'string', 'The campaign code (kampagnekode) the payment came in on.'),
    column('purpose', 'string', 'What the money is for (formål), if given.'),
    column('refund_of', 'string', 'On a refund: the payment_id it pays back.'),
    column('refunded_by', 'string', 'On a refunded payment: the payment_id of its refund.'),
    column('posting_state', 'string', 'to_post, posted, already_posted (booked outside the engine) or void.', false),
    column('posting_date', 'date', 'The day it was posted on in the books, once posted.'),
    column('recorded_at', 'timestamp', 'When the engine recorded the payment (UTC).', false),
  ],
};

export const peopleDataset: DatasetDefinition = {
  name: 'people',
  description: 'One row per person, with what they are to MS, when they joined and their consents. No names or contact details.',
  partitionedBy: 'first_seen',
  columns: [
    column('person_id', 'string', "The engine's id of the person.", false),
    column('classification', 'string', 'member, member_with_regular_support, regular_supporter, one_off_donor, signer (signed a petition, gives nothing) or lead (none of these).', false),
    column('first_seen', 'date', 'The day the engine first knew the person.', false),
    column('member_since', 'date', 'Start of their earliest membership.'),
    column('regular_supporter_since', 'date', 'Start of their earliest regular support (fast støtte).'),
    column('campaign_of_origin', 'string', 'The campaign code they signed up with.'),
    column('consent_email', 'boolean', 'May MS email them now (the whole channel)?', false),
    column('consent_sms', 'boolean', 'May MS text them now?', false),
    column('consent_phone', 'boolean', 'May MS call them now?', false),
    column('consent_post', 'boolean', 'May MS write to them now?', false),
    column('postcode', 'string', 'Postcode of their address.'),
    column('municipality', 'string', 'Municipality (kommune) of the postcode, from the postcode table staff load.'),
    column('country', 'string', 'ISO country code of their address.'),
    column('is_company', 'boolean', 'Signed up on behalf of a company.', false),
  ],
};

export const agreementsDataset: DatasetDefinition = {
  name: 'agreements',
  description: 'Memberships, regular support and one-off gift agreements from OnlineFundraising.',
  partitionedBy: 'start_date',
  columns: [
    column('agreement_id', 'string', "OnlineFundraising's id of the agreement.", false),
    column('person_id', 'string', "The engine's id of the person."),
    column('kind', 'string', 'membership, regular_support or one_off.'),
    column('status', 'string', 'pending, active, paused or cancelled.'),
    column('start_date', 'date', 'The day the agreement started.', false),
    column('frequency', 'string', 'monthly, quarterly, half_yearly or yearly; empty for a one-off gift.'),
    column('campaign_code', 'string', 'The campaign code it was signed on.'),
    column('restricted', 'boolean', 'Øremærket: the money may only be used for its purpose.'),
    column('cancelled_on', 'date', 'The day it was cancelled.'),
    column('cancelled_by', 'string', 'person, bank or ms.'),
    column('last_paid_collection', 'integer', 'Number of the last paid collection (0 is the first), if any.'),
  ],
};

export const signaturesDataset: DatasetDefinition = {
  name: 'signatures',
  description: 'Petition signatures, one per person and petition and occasion.',
  partitionedBy: 'signed_on',
  columns: [
    column('signature_id', 'string', "The engine's id of the signature.", false),
    column('petition_id', 'string', 'The petition.', false),
    column('person_id', 'string', "The engine's id of the person.", false),
    column('signed_on', 'date', 'The day they signed, Danish time.', false),
    column('signed_at', 'timestamp', 'When they signed (UTC).', false),
    column('source', 'string', 'Where the signature came from: drupal form, import, sms.', false),
    column('campaign_code', 'string', 'Campaign code of the form.'),
    column('email_ok', 'boolean', 'An email was given and looks usable.', false),
    column('phone_ok', 'boolean', 'A phone number was given and is valid.', false),
    column('new_person', 'boolean', 'The person was not known to MS before this signature.', false),
  ],
};

export const campaignsDataset: DatasetDefinition = {
  name: 'campaigns',
  description: 'Campaigns (kampagnekoder) with their coding and posting dimensions.',
  partitionedBy: 'updated_on',
  columns: [
    column('campaign_code', 'string', 'The code.', false),
    column('name', 'string', 'The name.', false),
    column('restricted', 'boolean', '_RF (øremærket) rather than _NRF.', false),
    column('source', 'string', 'WEB, SMS, PHONE or SHOP.'),
    column('kind', 'string', 'ONE-OFF, DON (regular support) or MEM-DON (membership).'),
    column('account', 'string', 'Income account (G/L number).'),
    column('project', 'string', 'Project (sag).'),
    column('budget_line', 'string', 'Budget line (sagsopgave).'),
    column('updated_on', 'date', 'The day the campaign was last changed.', false),
  ],
};

export const consentEventsDataset: DatasetDefinition = {
  name: 'consent_events',
  description: 'Every consent given or withdrawn, as logged (never overwritten).',
  partitionedBy: 'event_date',
  columns: [
    column('event_id', 'string', "The engine's id of the log line.", false),
    column('person_id', 'string', "The engine's id of the person.", false),
    column('event_date', 'date', 'The day, Danish time.', false),
    column('event_at', 'timestamp', 'When (UTC).', false),
    column('channel', 'string', 'email, sms, phone or post.', false),
    column('topic', 'string', 'The topic, or "all" for the whole channel.', false),
    column('action', 'string', 'granted or withdrawn.', false),
    column('source', 'string', 'Where it came from: onlinefundraising-signup, drupal-form, playable-import, webshop, sms-keyword, dialer-call, preference-centre or staff.', false),
    column('campaign_code', 'string', 'Campaign code, when there was one.'),
  ],
};

export const dunningGroupsDataset: DatasetDefinition = {
  name: 'dunning_groups',
  description: 'Who was in which reactivation group (GROUP 1 never paid, GROUP 2 payment stopped, GROUP 3 stopped by the bank) or winback, day by day.',
  partitionedBy: 'run_date',
  columns: [
    column('run_date', 'date', 'The day the daily run computed the groups.', false),
    column('group', 'string', 'group-1, group-2, group-3 or winback.', false),
    column('person_id', 'string', "The engine's id of the person.", false),
    column('agreement_ids', 'string', "OnlineFundraising's ids of the agreements behind it, space-separated.", false),
    column('rules', 'string', 'The rules that put them there.', false),
    column('cancelled_on', 'date', 'Winback: the day their last agreement was cancelled.'),
  ],
};

export const interactionsDataset: DatasetDefinition = {
  name: 'interactions',
  description:
    "What happened to each mail and SMS sent to a person, one row per event: sent, delivered, bounced (a mail) or failed (an SMS) with a plain reason, opened, clicked, unsubscribed. Open, click and unsubscribe rates per mail are these rows counted per send_id or template_id. Rows without message_id were reported by another sending system through the admin API.",
  partitionedBy: 'reported_on',
  columns: [
    column('reported_on', 'date', 'The day it happened (or was last reported), Danish time.', false),
    column('reported_at', 'timestamp', 'When it happened (UTC).', false),
    column('send_id', 'string', 'The send (mailing or SMS batch).', false),
    column('channel', 'string', 'email or phone (SMS).', false),
    column('person_id', 'string', "The engine's id of the person.", false),
    column('event', 'string', 'sent, delivered, bounced (a mail), failed (an SMS), opened, clicked or unsubscribed.', false),
    column('message_id', 'string', "The engine's id of the message (one per person per send)."),
    column('template_id', 'string', 'The template the message was made from.'),
    column('reason', 'string', 'Bounced or failed: why, in plain words (mailbox-does-not-exist, mailbox-full, blocked-as-spam, …).'),
    column('hard', 'boolean', 'Bounced or failed: true when it will not go away (the address is marked not working).'),
    column('link', 'string', 'Clicked: the link, without its query string.'),
  ],
};

export const datasetDefinitions = [paymentsDataset, peopleDataset, agreementsDataset, signaturesDataset, campaignsDataset, consentEventsDataset, dunningGroupsDataset, interactionsDataset];
