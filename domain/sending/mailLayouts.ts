/**
 * [CampaignAutomation10] Mails without HTML skills: staff pick one of a few fixed layouts and fill in
 * blocks of text. Every text is escaped, so nothing staff type becomes markup.
 */
export const mailLayoutNames = ['letter', 'newsletter', 'appeal'] as const;
export type MailLayoutName = (typeof mailLayoutNames)[number];

export type MailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; text: string; url: string }
  | { kind: 'image'; url: string; alt: string };

export const mailBlockKinds = ['heading', 'paragraph', 'button', 'image'] as const;

interface LayoutStyle {
  /** A band above the blocks (the newsletter's masthead). */
  masthead?: string;
  headingSize: string;
  buttonColour: string;
}

const layouts: Record<MailLayoutName, LayoutStyle> = {
  letter: { headingSize: '20px', buttonColour: '#1d3557' },
  newsletter: { masthead: 'Mellemfolkeligt Samvirke', headingSize: '22px', buttonColour: '#c8102e' },
  appeal: { headingSize: '28px', buttonColour: '#c8102e' },
};

export interface RenderedMail {
  html: string;
  text: string;
}

/** The mail's HTML and plain-text parts from its (already personalised) blocks, with the footer every bulk mail carries. */
export function layMail(layout: MailLayoutName, blocks: MailBlock[], footer: { preferenceLink: string }, plainText?: string): RenderedMail {
  const style = layouts[layout];
  const body = blocks.map((block) => htmlOf(block, style)).join('\n');
  const masthead = style.masthead ? `<div style="background:#c8102e;color:#fff;padding:16px;font-size:18px;font-weight:bold">${escapeHtml(style.masthead)}</div>\n` : '';
  const footerHtml = `<p style="font-size:12px;color:#666">Du får denne mail fra Mellemfolkeligt Samvirke. <a href="${escapeAttribute(footer.preferenceLink)}">Skift eller afmeld dine mails</a>.</p>`;
  const html = `<!doctype html>\n<html lang="da"><body style="font-family:Arial,sans-serif;max-width:600px;margin:0 auto">\n${masthead}${body}\n${footerHtml}\n</body></html>`;
  const footerText = `Skift eller afmeld dine mails: ${footer.preferenceLink}`;
  return { html, text: `${plainText ?? blocks.map(textOf).filter((line) => line !== '').join('\n\n')}\n\n--\n${footerText}` };
}

function htmlOf(block: MailBlock, style: LayoutStyle): string {
  switch (block.kind) {
    case 'heading':
      return `<h1 style="font-size:${style.headingSize}">${escapeHtml(block.text)}</h1>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text).replaceAll('\n', '<br>')}</p>`;
    case 'button':
      return `<p><a href="${escapeAttribute(block.url)}" style="display:inline-block;background:${style.buttonColour};color:#fff;padding:12px 24px;text-decoration:none;border-radius:4px">${escapeHtml(block.text)}</a></p>`;
    case 'image':
      return `<p><img src="${escapeAttribute(block.url)}" alt="${escapeAttribute(block.alt)}" style="max-width:100%"></p>`;
  }
}

function textOf(block: MailBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'button':
      return `${block.text}: ${block.url}`;
    case 'image':
      return '';
  }
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replaceAll('"', '&quot;');
}
