import type { Clock } from '../shared/Clock.js';
import { addDays } from '../shared/businessDates.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { NotFoundError } from '../shared/errors.js';
import { startOfCopenhagenDay } from '../shared/startOfCopenhagenDay.js';
import { type ChooseLeadsPorts, candidatesFromSignatures, chooseLeads } from './chooseLeads.js';
import { InvalidTelemarketingInputError } from './errors.js';
import type { LeadFile } from './LeadFile.js';
import { defaultLeadFileColumns } from './leadFields.js';
import type { LeadFileFormat, LeadFiles, LeadSources } from './ports.js';

export interface ExtractLeadsPorts extends ChooseLeadsPorts {
  files: LeadFiles;
  sources: LeadSources;
  format: Pick<LeadFileFormat, 'extension'>;
  clock: Clock;
}

export interface ExtractRequest {
  campaignId: string;
  /** Business dates (Danish), both included: who signed in this range. */
  signedFrom: string;
  signedTo: string;
  /** The vendor staff send the file to (e.g. "AllEars"). */
  vendor: string;
}

/**
 * [Dialer2] A manual extract: staff pick a call campaign and a date range and get a file of its leads
 * to send to another TM vendor themselves. The same rules choose the leads as for the nightly file,
 * and each becomes a lead handed over now, so the nightly transfer to TMPO leaves them out.
 */
export async function extractLeads(request: ExtractRequest, requestedBy: string, ports: ExtractLeadsPorts): Promise<LeadFile> {
  const today = copenhagenDateOf(ports.clock.now());
  checkRange(request, today);
  const campaign = (await ports.campaigns.get(request.campaignId))?.value;
  if (!campaign) throw new NotFoundError(`no call campaign ${request.campaignId}`);
  const from = startOfCopenhagenDay(request.signedFrom).toISOString();
  const to = startOfCopenhagenDay(addDays(request.signedTo, 1)).toISOString();
  const signatures = await ports.sources.signatures(campaign.petitionIds, 'signedAt', from, to);
  const id = ports.ids.random();
  const preparedAt = ports.clock.now().toISOString();
  const { leads, excluded } = await chooseLeads(campaign, await candidatesFromSignatures(signatures, ports), { fileId: id, vendor: request.vendor, channel: 'manual-extract', at: preparedAt }, ports);
  const file: LeadFile = {
    id,
    campaignId: campaign.id,
    vendor: request.vendor,
    channel: 'manual-extract',
    name: `${campaign.id}_${request.signedFrom.replaceAll('-', '')}-${request.signedTo.replaceAll('-', '')}_${request.vendor.replace(/[^A-Za-z0-9]+/g, '')}.${ports.format.extension}`,
    signatures: { from: request.signedFrom, to: request.signedTo },
    leadIds: leads.map((lead) => lead.id).sort(),
    columns: campaign.nightlyFile?.columns ?? defaultLeadFileColumns,
    excluded,
    status: 'delivered',
    preparedAt,
    deliveredAt: preparedAt,
    attempts: 1,
    requestedBy,
  };
  await ports.files.save(file);
  return file;
}

function checkRange(request: ExtractRequest, today: string): void {
  const problems = [];
  if (request.signedTo < request.signedFrom) problems.push({ field: 'signedTo', problem: 'ends before signedFrom' });
  if (request.signedFrom > today) problems.push({ field: 'signedFrom', problem: `is after today (${today}): nobody has signed then yet` });
  if (problems.length > 0) throw new InvalidTelemarketingInputError(problems);
}
