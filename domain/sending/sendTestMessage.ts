import type { EmailSender } from '../messaging/EmailSender.js';
import type { Person } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import type { Logger } from '../shared/Logger.js';
import { NotFoundError } from '../shared/errors.js';
import { type PersonalisePorts, personalise } from './personalise.js';
import type { MessageTemplates } from './ports.js';
import { renderMessage } from './renderMessage.js';
import type { SmsGateway } from './SmsGateway.js';

/** A test SMS asks for 1 krone unless staff say otherwise: enough to see the payment flow, cheap to repeat. */
export const testSmsAmountOre = 100;

export interface TestMessageRequest {
  /** A staff phone (E.164) for SMS, a staff address for mail. */
  to: string;
  /** Whose values fill the template; placeholder values of a sample person when left out. */
  personId?: string;
  /** SMS only: the amount (øre) of the test, instead of the template's. */
  amountOre?: number;
}

const samplePerson: Pick<Person, 'id' | 'firstName' | 'lastName'> = { id: 'test-person', firstName: 'Preben', lastName: 'Testesen' };

/**
 * [OnlineFundraising7] Staff send the template to their own phone or inbox, as a supporter would get
 * it. A test SMS carries a small amount (1 kr by default) when the template asks for one, so the
 * payment flow is tried too. It is not a message of any send: it counts against no cap.
 */
export async function sendTestMessage(
  templateId: string,
  request: TestMessageRequest,
  ports: PersonalisePorts & { templates: MessageTemplates; persons: Pick<PersonRepository, 'get'>; smsGateway: SmsGateway; email: EmailSender; ids: { random(): string }; logger: Logger },
): Promise<{ providerMessageId: string; amountOre?: number }> {
  const template = await ports.templates.get(templateId);
  if (!template) throw new NotFoundError(`no template ${templateId}`);
  const person = request.personId ? (await ports.persons.get(request.personId))?.value : samplePerson;
  if (!person) throw new NotFoundError(`no person ${request.personId}`);
  // A template that asks an amount is tested with a small one (or the one staff chose), shown in its text too.
  const testAmount = template.value.sms?.amountOre === undefined && request.amountOre === undefined ? undefined : (request.amountOre ?? testSmsAmountOre);
  const testContent = template.value.sms && testAmount !== undefined ? { ...template.value, sms: { ...template.value.sms, amountOre: testAmount } } : template.value;
  const rendered = renderMessage(testContent, await personalise(person, testContent, { shortenLinks: testContent.channel === 'sms' }, ports), ports.renderer);
  const reference = `test-${ports.ids.random()}`;
  if (rendered.channel === 'email') {
    const { messageId } = await ports.email.send({ to: [request.to], subject: `[TEST] ${rendered.subject}`, text: rendered.text, html: rendered.html });
    ports.logger.info('test mail sent', { templateId, providerMessageId: messageId });
    return { providerMessageId: messageId };
  }
  const amountOre = rendered.amountOre;
  const { providerMessageId } = await ports.smsGateway.send({ reference, sender: rendered.sender, to: request.to, text: rendered.text, ...(amountOre !== undefined && { amountOre }) });
  ports.logger.info('test SMS sent', { templateId, providerMessageId, amountOre });
  return { providerMessageId, ...(amountOre !== undefined && { amountOre }) };
}
