/** The little HTML work Exchange does on bodies: wrap a fragment into a document, derive text and a preview. */
import type { ItemBody } from '@microsoft/microsoft-graph-types';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const withoutHead = html.replace(/<head[\s\S]*?<\/head>/gi, '').replace(/<(script|style)[\s\S]*?<\/\1>/gi, '');
  const blocks = withoutHead.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|h\d|li|tr|table)>/gi, '\n');
  return decodeEntities(blocks.replace(/<[^>]*>/g, ''))
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** Exchange keeps the first 255 characters of the text as `bodyPreview`. */
export function previewOf(body: ItemBody): string {
  const content = body.content ?? '';
  const text = body.contentType === 'html' ? htmlToText(content) : content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/**
 * Exchange stores an HTML body as a whole document and converts a text body to HTML; the sandbox does the same,
 * so a client that reads a body back gets what Graph would give it, not what it sent.
 */
export function normaliseBody(body: ItemBody): ItemBody {
  const content = body.content ?? '';
  if (body.contentType !== 'html') {
    const html = escapeHtml(content).replace(/\r?\n/g, '<br>\r\n');
    return { contentType: 'html', content: wrapDocument(`<div>${html}</div>`) };
  }
  return { contentType: 'html', content: /^\s*<html[\s>]/i.test(content) ? content : wrapDocument(content) };
}

export function wrapDocument(fragment: string): string {
  return (
    '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n' +
    `<body>\r\n${fragment}\r\n</body>\r\n</html>\r\n`
  );
}

/** The body as the caller prefers it (`Prefer: outlook.body-content-type`). */
export function bodyAs(body: ItemBody, text: boolean): ItemBody {
  if (!text || body.contentType !== 'html') return body;
  return { contentType: 'text', content: htmlToText(body.content ?? '') };
}
