import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { NotFoundError } from '../shared/errors.js';
import { checkTemplate } from './checkTemplate.js';
import { InvalidSendingInputError } from './errors.js';
import type { MessageTemplate } from './MessageTemplate.js';
import type { MessageTemplates } from './ports.js';
import type { TemplateRenderer } from './TemplateRenderer.js';

export type TemplateInput = Omit<MessageTemplate, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

/**
 * [OnlineFundraising7][CampaignAutomation10] Staff set up a template, or change one (`id`): checked
 * first, so a template with an unknown placeholder is never stored. A send takes a copy when it
 * starts sending, so a change reaches only sends that have not started.
 */
export async function saveTemplate(input: TemplateInput, id: string | undefined, by: string, ports: { templates: MessageTemplates; renderer: TemplateRenderer; ids: Ids; clock: Clock }): Promise<MessageTemplate> {
  checkTemplate(input, ports.renderer);
  const stored = id ? await ports.templates.get(id) : null;
  if (id && !stored) throw new NotFoundError(`no template ${id}`);
  if (stored && stored.value.channel !== input.channel) throw new InvalidSendingInputError([{ field: 'channel', problem: `the template is for ${stored.value.channel}; make a new one for ${input.channel}` }]);
  const now = ports.clock.now().toISOString();
  const template: MessageTemplate = { ...input, id: id ?? ports.ids.random(), createdAt: stored?.value.createdAt ?? now, updatedAt: now, updatedBy: by };
  if ((await ports.templates.save(template, stored?.etag)) !== 'saved') throw new InvalidSendingInputError([{ field: 'id', problem: 'the template changed meanwhile; read it again and repeat the change' }]);
  return template;
}
