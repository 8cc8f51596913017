import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { NotFoundError } from '../shared/errors.js';
import { type FieldProblem, InvalidSendingInputError } from '../sending/errors.js';
import type { SegmentDefinitions, SegmentSources } from './ports.js';
import type { SegmentCriteria, SegmentDefinition } from './SegmentDefinition.js';

export interface SaveSegmentPorts {
  segmentDefinitions: SegmentDefinitions;
  segmentSources: Pick<SegmentSources, 'petitionExists'>;
  ids: Ids;
  clock: Clock;
}

/**
 * [CampaignAutomation1] Staff name and keep a segment definition; a new one without `id`, a change
 * with it. Refused, naming the field, when it names a petition nobody knows (a typing error would
 * otherwise give an empty segment) or has a date range that ends before it starts.
 */
export async function saveSegmentDefinition(
  input: { id?: string; name: string; description?: string; criteria: SegmentCriteria },
  by: string,
  ports: SaveSegmentPorts,
): Promise<SegmentDefinition> {
  await checkCriteria(input.criteria, ports);
  const now = ports.clock.now().toISOString();
  const stored = input.id ? await ports.segmentDefinitions.get(input.id) : null;
  if (input.id && !stored) throw new NotFoundError(`no segment definition ${input.id}`);
  const definition: SegmentDefinition = {
    id: input.id ?? ports.ids.random(),
    name: input.name,
    ...(input.description !== undefined && { description: input.description }),
    criteria: input.criteria,
    createdAt: stored?.value.createdAt ?? now,
    updatedAt: now,
    updatedBy: by,
  };
  if ((await ports.segmentDefinitions.save(definition, stored?.etag)) !== 'saved') throw new InvalidSendingInputError([{ field: 'id', problem: 'the definition changed meanwhile; read it again and repeat the change' }]);
  return definition;
}

async function checkCriteria(criteria: SegmentCriteria, ports: SaveSegmentPorts): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const [index, petition] of (criteria.petitions ?? []).entries()) {
    if (!(await ports.segmentSources.petitionExists(petition.petitionId))) problems.push({ field: `criteria.petitions.${index}.petitionId`, problem: `no petition ${petition.petitionId}: no form names it and nobody signed it` });
    if (petition.signedFrom && petition.signedTo && petition.signedTo < petition.signedFrom) problems.push({ field: `criteria.petitions.${index}.signedTo`, problem: 'ends before signedFrom' });
  }
  const donation = criteria.lastDonation;
  if (donation && !('none' in donation)) {
    if (donation.from && donation.to && donation.to < donation.from) problems.push({ field: 'criteria.lastDonation.to', problem: 'ends before from' });
    if (donation.minAmountOre !== undefined && donation.maxAmountOre !== undefined && donation.maxAmountOre < donation.minAmountOre) problems.push({ field: 'criteria.lastDonation.maxAmountOre', problem: 'is below minAmountOre' });
  }
  if (Object.keys(criteria).length === 0) problems.push({ field: 'criteria', problem: 'give at least one criterion (a segment of everyone is not a segment)' });
  if (problems.length > 0) throw new InvalidSendingInputError(problems);
}
