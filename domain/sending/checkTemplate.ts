import { InvalidSendingInputError, type FieldProblem } from './errors.js';
import { type MessageTemplate, templateTexts } from './MessageTemplate.js';
import { type Placeholder, isPlaceholder, placeholders } from './placeholders.js';
import type { TemplateRenderer } from './TemplateRenderer.js';

type TemplateContent = Pick<MessageTemplate, 'channel' | 'landingUrl' | 'sms' | 'email'>;

/**
 * [OnlineFundraising7][CampaignAutomation10] Refuses a template that could not be sent as meant:
 * unreadable Liquid, a placeholder the engine does not know, a link or amount placeholder without
 * its setting, or content for the other channel. Names every problem at once.
 */
export function checkTemplate(template: TemplateContent, renderer: TemplateRenderer): void {
  const problems: FieldProblem[] = [...channelProblems(template)];
  for (const { path, text } of templateTexts(template)) {
    const checked = renderer.check(text);
    if ('syntaxError' in checked) {
      problems.push({ field: path, problem: `cannot be read as a template: ${checked.syntaxError}` });
      continue;
    }
    for (const variable of checked.variables.filter((name) => !isPlaceholder(name))) {
      problems.push({ field: path, problem: `unknown placeholder {{ ${variable} }}; known: ${Object.keys(placeholders).join(', ')}` });
    }
  }
  const used = usedPlaceholders(template, renderer);
  if (used.has('landing_link') && !template.landingUrl) problems.push({ field: 'landingUrl', problem: '{{ landing_link }} is used, so the landing page must be given' });
  if (used.has('amount_kr') && template.sms?.amountOre === undefined) problems.push({ field: 'sms.amountOre', problem: '{{ amount_kr }} is used, so the amount must be given' });
  if (problems.length > 0) throw new InvalidSendingInputError(problems);
}

/** The placeholders a (checked) template uses, so a send fetches only what it needs (a short link costs a call to OF). */
export function usedPlaceholders(template: Pick<MessageTemplate, 'sms' | 'email'>, renderer: TemplateRenderer): Set<Placeholder> {
  const used = new Set<Placeholder>();
  for (const { text } of templateTexts(template)) {
    const checked = renderer.check(text);
    if ('variables' in checked) for (const name of checked.variables) if (isPlaceholder(name)) used.add(name);
  }
  return used;
}

function channelProblems(template: TemplateContent): FieldProblem[] {
  if (template.channel === 'sms') {
    if (!template.sms) return [{ field: 'sms', problem: 'an SMS template needs sms { sender, text }' }];
    if (template.email) return [{ field: 'email', problem: 'an SMS template has no mail part' }];
    return [];
  }
  if (!template.email) return [{ field: 'email', problem: 'a mail template needs email { layout, subject, blocks }' }];
  if (template.sms) return [{ field: 'sms', problem: 'a mail template has no SMS part' }];
  return [];
}
