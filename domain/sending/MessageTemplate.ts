import type { MailBlock, MailLayoutName } from './mailLayouts.js';

export const messageChannels = ['sms', 'email'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** [OnlineFundraising7][CampaignAutomation10] An SMS as staff set it up: fixed sender, text, optionally an amount. */
export interface SmsContent {
  /** What the phone shows as sender (OF: up to 11 letters or a number). */
  sender: string;
  /** Liquid text, e.g. "Hej {{ first_name }}, …". */
  text: string;
  /** A payment SMS: the amount (øre) the recipient is asked to give, set in the engine. */
  amountOre?: number;
}

/** [CampaignAutomation10] A mail staff fill in without HTML: a fixed layout and its blocks. */
export interface MailContent {
  layout: MailLayoutName;
  subject: string;
  blocks: MailBlock[];
  /** The plain-text part; made from the blocks when left out. */
  plainText?: string;
}

/** [OnlineFundraising7] A message set up before use; editable until a send using it starts sending. */
export interface MessageTemplate {
  id: string;
  name: string;
  /** The team whose sender and limits apply. */
  team: string;
  channel: MessageChannel;
  /** The page `{{ landing_link }}` leads to; the link carries a signed token the page exchanges for first name, email and phone. */
  landingUrl?: string;
  sms?: SmsContent;
  email?: MailContent;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** The texts of a template that Liquid renders, by the path a problem report names. */
export function templateTexts(template: Pick<MessageTemplate, 'sms' | 'email'>): { path: string; text: string }[] {
  const texts: { path: string; text: string }[] = [];
  if (template.sms) {
    texts.push({ path: 'sms.text', text: template.sms.text });
  }
  if (template.email) {
    texts.push({ path: 'email.subject', text: template.email.subject });
    template.email.blocks.forEach((block, index) => {
      for (const [key, value] of Object.entries(block)) if (key !== 'kind' && typeof value === 'string') texts.push({ path: `email.blocks.${index}.${key}`, text: value });
    });
    if (template.email.plainText !== undefined) texts.push({ path: 'email.plainText', text: template.email.plainText });
  }
  return texts;
}
