import type { PersonRepository } from '../person/ports.js';
import { NotFoundError } from '../shared/errors.js';
import { type PersonalisePorts, personalise } from './personalise.js';
import type { MessageTemplates, TaxMailAudience } from './ports.js';
import { type RenderedMessage, renderMessage } from './renderMessage.js';
import { smsParts } from './smsSegments.js';

export type Preview = RenderedMessage & { smsParts?: ReturnType<typeof smsParts> };

/**
 * [OnlineFundraising7] The template as one chosen person would get it, before anything is sent: the
 * landing link is shown long (the short link is made when the SMS goes), and an SMS says how many
 * parts it is billed as. With `taxYear`, a tax mail's amounts are the person's statement of that year.
 */
export async function previewTemplate(
  templateId: string,
  personId: string,
  ports: PersonalisePorts & { templates: MessageTemplates; persons: Pick<PersonRepository, 'get'>; taxMails: Pick<TaxMailAudience, 'valuesFor'> },
  taxYear?: number,
): Promise<Preview> {
  const template = await ports.templates.get(templateId);
  if (!template) throw new NotFoundError(`no template ${templateId}`);
  const person = await ports.persons.get(personId);
  if (!person) throw new NotFoundError(`no person ${personId}`);
  const taxValues = taxYear === undefined ? undefined : await ports.taxMails.valuesFor(taxYear, personId);
  if (taxValues === null) throw new NotFoundError(`no statement of ${personId} for ${taxYear}`);
  const rendered = renderMessage(template.value, await personalise(person.value, template.value, { shortenLinks: false }, ports, taxValues), ports.renderer);
  return rendered.channel === 'sms' ? { ...rendered, smsParts: smsParts(rendered.text) } : rendered;
}
