import type { Person } from '../person/Person.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { CallCampaign } from './CallCampaign.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

/** What a column of a lead file can carry. */
export const leadFields = [
  'lead_id',
  'person_id',
  'first_name',
  'last_name',
  'full_name',
  'phone',
  'phone_e164',
  'email',
  'address',
  'postal_code',
  'city',
  'call_campaign',
  'petition_id',
  'signed_on',
  'campaign_code',
  'supporter_kind',
] as const;
export type LeadField = (typeof leadFields)[number];

/** [Leadflow] One column of a transfer: which field, under which heading ("configurable data per transfer"). */
export interface LeadFileColumn {
  field: LeadField;
  header: string;
}

/** What the columns a vendor gets when a campaign names none. */
export const defaultLeadFileColumns: LeadFileColumn[] = [
  { field: 'lead_id', header: 'LeadId' },
  { field: 'first_name', header: 'Fornavn' },
  { field: 'last_name', header: 'Efternavn' },
  { field: 'phone', header: 'Telefon' },
  { field: 'email', header: 'Email' },
  { field: 'call_campaign', header: 'Kampagne' },
  { field: 'petition_id', header: 'Underskrift' },
  { field: 'signed_on', header: 'Underskrevet' },
];

/** A lead with what its row is made from. */
export interface LeadRowParts {
  lead: TelemarketingLead;
  person: Person;
  campaign: CallCampaign;
}

/**
 * The value of a field, as text the way Danish TM vendors read it: Danish numbers as their eight
 * digits, foreign ones in E.164; dates as dd-mm-yyyy (Danish date of the instant).
 */
export function leadFieldValue(field: LeadField, { lead, person, campaign }: LeadRowParts): string {
  const phone = person.phones.primary ?? '';
  switch (field) {
    case 'lead_id': return lead.id;
    case 'person_id': return person.id;
    case 'first_name': return person.firstName;
    case 'last_name': return person.lastName;
    case 'full_name': return [person.firstName, person.lastName].filter(Boolean).join(' ');
    case 'phone': return phone.startsWith('+45') ? phone.slice(3) : phone;
    case 'phone_e164': return phone;
    case 'email': return person.emails[0] ?? '';
    case 'address': return [person.address?.line1, person.address?.line2].filter(Boolean).join(', ');
    case 'postal_code': return person.address?.postalCode ?? '';
    case 'city': return person.address?.city ?? '';
    case 'call_campaign': return campaign.name;
    case 'petition_id': return lead.source?.petitionId ?? '';
    case 'signed_on': return lead.source ? danishDate(copenhagenDateOf(new Date(lead.source.signedAt))) : '';
    case 'campaign_code': return lead.source?.campaignCode ?? '';
    case 'supporter_kind': return person.supporterKind ?? '';
  }
}

function danishDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}
