import { describe, expect, it } from 'vitest';
import { LiquidTemplateRenderer } from '../../adapters/text/LiquidTemplateRenderer.js';
import { checkTemplate } from '../../domain/sending/checkTemplate.js';
import { InvalidSendingInputError } from '../../domain/sending/errors.js';
import { layMail } from '../../domain/sending/mailLayouts.js';
import { renderMessage } from '../../domain/sending/renderMessage.js';
import { smsParts } from '../../domain/sending/smsSegments.js';
import { type TaxMailValues, taxPlaceholders } from '../../domain/sending/placeholders.js';

const renderer = new LiquidTemplateRenderer();
const problemsOf = (template: Parameters<typeof checkTemplate>[0]) => {
  try {
    checkTemplate(template, renderer);
    return [];
  } catch (error) {
    if (error instanceof InvalidSendingInputError) return error.fields;
    throw error;
  }
};

const noTaxValues = Object.fromEntries(taxPlaceholders.map((name) => [name, ''])) as TaxMailValues;

describe('checkTemplate', () => {
  it('[OnlineFundraising7] names every unknown placeholder, unreadable text and missing setting at once', () => {
    const problems = problemsOf({ channel: 'email', email: { layout: 'letter', subject: 'Hej {{ fornavn }}', blocks: [{ kind: 'paragraph', text: 'Læs {{ landing_link }}' }, { kind: 'button', text: 'Støt {{ first_name', url: 'https://ms.dk' }] } });
    expect(problems).toEqual([
      { field: 'email.subject', problem: expect.stringContaining('unknown placeholder {{ fornavn }}') },
      { field: 'email.blocks.1.text', problem: expect.stringContaining('cannot be read as a template') },
      { field: 'landingUrl', problem: '{{ landing_link }} is used, so the landing page must be given' },
    ]);
  });

  it('[OnlineFundraising7] an SMS template uses the amount only when it sets one, and has no mail part', () => {
    expect(problemsOf({ channel: 'sms', sms: { sender: 'MS', text: 'Giv {{ amount_kr }} kr' } })).toEqual([{ field: 'sms.amountOre', problem: '{{ amount_kr }} is used, so the amount must be given' }]);
    expect(problemsOf({ channel: 'sms', sms: { sender: 'MS', text: 'Giv {{ amount_kr }} kr', amountOre: 5000 } })).toEqual([]);
    expect(problemsOf({ channel: 'sms' })).toEqual([{ field: 'sms', problem: expect.any(String) }]);
  });
});

describe('mail layouts', () => {
  it('[CampaignAutomation10] blocks become HTML with every text escaped, a plain-text part, and the preference link in the footer', () => {
    const mail = layMail('appeal', [{ kind: 'heading', text: 'Ring <nu>' }, { kind: 'button', text: 'Støt', url: 'https://ms.dk/?a=1&b="2"' }], { preferenceLink: 'https://ms.dk/pref?token=x' });
    expect(mail.html).toContain('Ring &lt;nu&gt;');
    expect(mail.html).toContain('href="https://ms.dk/?a=1&amp;b=&quot;2&quot;"');
    expect(mail.html).toContain('href="https://ms.dk/pref?token=x"');
    expect(mail.text).toBe('Ring <nu>\n\nStøt: https://ms.dk/?a=1&b="2"\n\n--\nSkift eller afmeld dine mails: https://ms.dk/pref?token=x');
  });

  it('[OnlineFundraising7] an SMS is rendered with the person\'s values and counted in parts (Danish letters stay GSM-7)', () => {
    const values = { first_name: 'Preben', last_name: 'K', full_name: 'Preben K', amount_kr: '50', landing_link: 'https://x.dk/s/1', preference_link: '', ...noTaxValues };
    const rendered = renderMessage({ channel: 'sms', sms: { sender: 'MS', text: 'Hej {{ first_name }}, giv {{ amount_kr }} kr', amountOre: 5000 } }, values, renderer);
    expect(rendered).toEqual({ channel: 'sms', sender: 'MS', text: 'Hej Preben, giv 50 kr', amountOre: 5000 });
    expect(smsParts('Rødgrød med fløde på ærø')).toMatchObject({ parts: 1, encoding: 'GSM-7' });
    expect(smsParts('x'.repeat(161))).toMatchObject({ parts: 2 });
    expect(smsParts('Tak 🌍')).toMatchObject({ encoding: 'UCS-2' });
  });
});
