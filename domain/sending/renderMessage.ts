import { layMail } from './mailLayouts.js';
import type { MessageTemplate } from './MessageTemplate.js';
import type { PersonalisationValues } from './placeholders.js';
import type { TemplateRenderer } from './TemplateRenderer.js';

export type RenderedMessage = { channel: 'sms'; sender: string; text: string; amountOre?: number } | { channel: 'email'; subject: string; html: string; text: string };

/** [OnlineFundraising7] The message one person gets: the template with their values filled in. */
export function renderMessage(template: Pick<MessageTemplate, 'channel' | 'sms' | 'email'>, values: PersonalisationValues, renderer: TemplateRenderer): RenderedMessage {
  const render = (text: string) => renderer.render(text, values);
  if (template.channel === 'sms') {
    const sms = template.sms!;
    return { channel: 'sms', sender: sms.sender, text: render(sms.text), ...(sms.amountOre !== undefined && { amountOre: sms.amountOre }) };
  }
  const email = template.email!;
  const blocks = email.blocks.map((block) => Object.fromEntries(Object.entries(block).map(([key, value]) => [key, key === 'kind' ? value : render(value)])) as typeof block);
  const laid = layMail(email.layout, blocks, { preferenceLink: values.preference_link }, email.plainText === undefined ? undefined : render(email.plainText));
  return { channel: 'email', subject: render(email.subject), ...laid };
}
