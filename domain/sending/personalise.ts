import type { PreferenceLinks } from '../consent/PreferenceLinks.js';
import type { Person } from '../person/Person.js';
import { usedPlaceholders } from './checkTemplate.js';
import type { MessageTemplate } from './MessageTemplate.js';
import { type PersonalisationValues, type TaxMailValues, taxPlaceholders } from './placeholders.js';
import type { LandingLinks, LinkSettings, LinkShortener } from './ports.js';
import type { TemplateRenderer } from './TemplateRenderer.js';

export interface PersonaliseOptions {
  /** Shorten the landing link through OF (SMS); a preview shows the long link and costs nothing. */
  shortenLinks: boolean;
  /** The message the values are for: its preference link names it, so an unsubscribe is counted against the mail. */
  messageId?: string;
}

export interface PersonalisePorts {
  renderer: TemplateRenderer;
  landingLinks: LandingLinks;
  preferenceLinks: PreferenceLinks;
  linkShortener: LinkShortener;
  links: LinkSettings;
}

/**
 * [OnlineFundraising7][Permissionsstruktur2] The values a template can use for one person. Links
 * are only made when the template uses them: each is a signed token, and a short link is a call to OF.
 */
export async function personalise(
  person: Pick<Person, 'id' | 'firstName' | 'lastName'>,
  template: Pick<MessageTemplate, 'landingUrl' | 'sms' | 'email'>,
  options: PersonaliseOptions,
  ports: PersonalisePorts,
  /** A tax mail's amounts for the person; empty in every other message. */
  taxValues?: TaxMailValues,
): Promise<PersonalisationValues> {
  const used = usedPlaceholders(template, ports.renderer);
  const amountOre = template.sms?.amountOre;
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    full_name: `${person.firstName} ${person.lastName}`.trim(),
    amount_kr: amountOre === undefined ? '' : kroner(amountOre),
    landing_link: used.has('landing_link') ? await landingLink(person.id, template, options, ports) : '',
    preference_link: used.has('preference_link') || template.email ? await preferenceLink(person.id, options, ports) : '',
    ...(taxValues ?? Object.fromEntries(taxPlaceholders.map((name) => [name, ''])) as TaxMailValues),
  };
}

async function landingLink(personId: string, template: Pick<MessageTemplate, 'landingUrl'>, options: PersonaliseOptions, ports: PersonalisePorts): Promise<string> {
  const page = template.landingUrl;
  if (!page) return '';
  const long = withToken(page, 't', (await ports.landingLinks.issue(personId)).token);
  return options.shortenLinks ? ports.linkShortener.shorten(long) : long;
}

/** The preference centre for the person, naming the message it came in when there is one. */
export async function preferenceLink(personId: string, options: Pick<PersonaliseOptions, 'messageId'>, ports: Pick<PersonalisePorts, 'preferenceLinks' | 'links'>): Promise<string> {
  const link = withToken(ports.links.preferencePageUrl, 'token', (await ports.preferenceLinks.issue(personId)).token);
  return options.messageId ? `${link}&m=${encodeURIComponent(options.messageId)}` : link;
}

export function withToken(url: string, parameter: string, token: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${parameter}=${encodeURIComponent(token)}`;
}

/** "50" for 5000 øre, "12,50" for 1250 (Danish decimal comma). */
export function kroner(amountOre: number): string {
  const whole = Math.trunc(amountOre / 100);
  const ore = Math.abs(amountOre % 100);
  return ore === 0 ? String(whole) : `${whole},${String(ore).padStart(2, '0')}`;
}
