/**
 * A registration mail as text for the organiser to read. Mail HTML is never rendered: it is sanitised with DOMPurify
 * (scripts, styles, event handlers and dangerous URLs gone) into a detached fragment, and only the fragment's text
 * is read, with line breaks where blocks end. What reaches the screen is a string in a text node, so whatever a
 * sender wrote — markup, scripts, links — stays inert text.
 */
import DOMPurify from 'dompurify';

/** Mails longer than this are cut for reading; the triage has read all of them already. */
export const MAIL_TEXT_LIMIT = 20_000;

const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

export interface MailBody {
  readonly bodyText: string | null;
  readonly bodyHtml: string | null;
}

export interface MailText {
  readonly text: string;
  /** True when the text was cut at MAIL_TEXT_LIMIT. */
  readonly cut: boolean;
}

function textOfFragment(fragment: DocumentFragment): string {
  const out: string[] = [];
  const newline = (): void => {
    if (out.length > 0 && !out[out.length - 1]?.endsWith('\n')) out.push('\n');
  };
  const walk = (node: Node, preformatted: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = node.nodeValue ?? '';
      out.push(preformatted ? data : data.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.tagName;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK_ELEMENTS.has(tag) || tag === 'TD' || tag === 'TH';
    if (BLOCK_ELEMENTS.has(tag)) newline();
    node.childNodes.forEach((child) => walk(child, preformatted || tag === 'PRE'));
    if (tag === 'A') {
      // The address behind a link is part of what the organiser should see; it is shown, never followed.
      const href = node.getAttribute('href');
      if (href !== null && /^https?:/i.test(href) && href !== node.textContent.trim()) out.push(` (${href})`);
    }
    if (tag === 'TD' || tag === 'TH') out.push('\t');
    else if (block) newline();
  };
  fragment.childNodes.forEach((child) => walk(child, false));
  return out.join('');
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, '').replace(/^[ ]+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The mail's body as text: the plain-text body as sent, or the HTML body sanitised and read as text. */
export function mailAsText(mail: MailBody): MailText {
  let text: string;
  if (mail.bodyHtml !== null) {
    const fragment = DOMPurify.sanitize(mail.bodyHtml, {
      RETURN_DOM_FRAGMENT: true,
      // Their text is not the mail's text.
      FORBID_TAGS: ['style', 'title', 'template', 'noscript'],
    });
    text = tidy(textOfFragment(fragment));
  } else {
    text = tidy(mail.bodyText ?? '');
  }
  return text.length > MAIL_TEXT_LIMIT ? { text: text.slice(0, MAIL_TEXT_LIMIT), cut: true } : { text, cut: false };
}
