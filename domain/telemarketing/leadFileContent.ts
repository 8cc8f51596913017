import type { PersonRepository } from '../person/ports.js';
import { isAnonymised } from '../person/Person.js';
import type { CallCampaign } from './CallCampaign.js';
import type { LeadFile } from './LeadFile.js';
import { leadFieldValue } from './leadFields.js';
import type { LeadFileFormat, TelemarketingLeads } from './ports.js';

export interface LeadFileContentPorts {
  leads: TelemarketingLeads;
  persons: Pick<PersonRepository, 'get'>;
  format: LeadFileFormat;
}

/**
 * [Leadflow][Dialer2] The file's content, made from its leads and the persons as they are now: a person
 * anonymised since the file was prepared is not in it. Rows in lead-id order, so the same file gives
 * the same bytes whenever it is made.
 */
export async function leadFileContent(file: LeadFile, campaign: CallCampaign, ports: LeadFileContentPorts): Promise<{ content: Uint8Array; rows: number }> {
  const leads = (await ports.leads.ofFile(file.id)).sort((a, b) => a.id.localeCompare(b.id));
  const rows: string[][] = [];
  for (const lead of leads) {
    const person = (await ports.persons.get(lead.personId))?.value;
    if (!person || isAnonymised(person)) continue;
    rows.push(file.columns.map((column) => leadFieldValue(column.field, { lead, person, campaign })));
  }
  return { content: ports.format.render(file.columns.map((column) => column.header), rows), rows: rows.length };
}
