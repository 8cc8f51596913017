import { addMonths } from '../shared/businessDates.js';
import { classificationOf } from '../datasets/personRow.js';
import type { Person } from '../person/Person.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { SegmentCriteria, SegmentFacts } from './SegmentDefinition.js';

/** [CampaignAutomation1] Whether one person meets every criterion given. */
export function matchesCriteria(person: Person, facts: SegmentFacts, criteria: SegmentCriteria, municipalityOf: ReadonlyMap<string, string>): boolean {
  return checks.every((check) => check(person, facts, criteria, municipalityOf));
}

type Check = (person: Person, facts: SegmentFacts, criteria: SegmentCriteria, municipalityOf: ReadonlyMap<string, string>) => boolean;

const checks: Check[] = [
  (_, facts, { petitions }) =>
    !petitions ||
    petitions.some((wanted) =>
      facts.signatures.some((signature) => {
        const day = copenhagenDateOf(new Date(signature.signedAt));
        return signature.petitionId === wanted.petitionId && (!wanted.signedFrom || day >= wanted.signedFrom) && (!wanted.signedTo || day <= wanted.signedTo);
      }),
    ),
  (person, facts, { campaignCodes }) =>
    !campaignCodes || campaignCodes.some((code) => person.campaignCode === code || facts.signatures.some((signature) => signature.campaignCode === code)),
  (person, facts, { supporterKinds }) => !supporterKinds || supporterKinds.includes(classificationOf(person, facts.signatures.length > 0 ? new Set([person.id]) : new Set())),
  (_, facts, { consent }) => !consent || facts.consentGranted(consent.channel, consent.topic),
  (_, facts, { lastDonation }) => {
    if (!lastDonation) return true;
    if ('none' in lastDonation) return facts.lastDonation === undefined;
    const last = facts.lastDonation;
    if (!last) return false;
    const { from, to, minAmountOre, maxAmountOre } = lastDonation;
    return (!from || last.paymentDate >= from) && (!to || last.paymentDate <= to) && (minAmountOre === undefined || last.amountOre >= minAmountOre) && (maxAmountOre === undefined || last.amountOre <= maxAmountOre);
  },
  (_, facts, { dunningGroups }) => !dunningGroups || dunningGroups.some((group) => facts.dunningGroups.includes(group)),
  (person, _, { postcodes }) => !postcodes || (person.address !== undefined && postcodes.includes(person.address.postalCode)),
  (_, facts, { telemarketing }) => !telemarketing?.notReachedIn || facts.leads.some((lead) => lead.campaignId === telemarketing.notReachedIn && (lead.outcome === 'max-attempts' || (lead.status === 'open' && !lead.campaignActive))),
  (_, facts, { telemarketing }) => {
    if (telemarketing?.notHandedOverWithinMonths === undefined) return true;
    const windowStart = addMonths(facts.today, -telemarketing.notHandedOverWithinMonths);
    return !facts.leads.some((lead) => copenhagenDateOf(new Date(lead.handedOverAt)) > windowStart);
  },
  (person, _, { municipalities }, municipalityOf) => {
    if (!municipalities) return true;
    const municipality = person.address ? municipalityOf.get(person.address.postalCode) : undefined;
    return municipality !== undefined && municipalities.some((name) => name.toLowerCase() === municipality.toLowerCase());
  },
];
