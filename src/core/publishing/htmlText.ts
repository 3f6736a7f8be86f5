/**
 * HTML as text, without a DOM (the core runs in Node, in the Teams face and in tests alike): escaping for what
 * Samråd writes, entity decoding and an HTML → plain text conversion for what it reads back. The conversion is
 * written for bodies that went through mail systems: tags may be upper case, carry no attributes or extra
 * wrappers, and whitespace between and inside tags may have changed, so only the element names carry meaning.
 */

/** Escapes the five characters that can change the meaning of text in HTML content or attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Whitespace collapsed to single spaces and trimmed: what a reader sees of a title, and the form Samråd publishes
 * (so that a title read back equals the title published, whatever a mail system did to its spaces).
 */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// The named entities mail systems actually write (Outlook's Word engine uses names for Nordic letters and
// typography); anything else is left as written rather than guessed.
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  eacute: 'é',
  Eacute: 'É',
  uuml: 'ü',
  Uuml: 'Ü',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  egrave: 'è',
  agrave: 'à',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  euro: '€',
  copy: '©',
  reg: '®',
  times: '×',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
};

// Browsers read numeric references 128–159 as Windows-1252, and old mail software still writes them that way.
const WINDOWS_1252: Readonly<Record<number, string>> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
};

function fromCodePoint(code: number): string {
  const legacy = WINDOWS_1252[code];
  if (legacy !== undefined) return legacy;
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes numeric (`&#229;`, `&#xE5;`) and the common named (`&aring;`, `&nbsp;`) character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (whole, dec, hex, name) => {
    if (typeof dec === 'string') return fromCodePoint(Number.parseInt(dec, 10));
    if (typeof hex === 'string') return fromCodePoint(Number.parseInt(hex, 16));
    return (typeof name === 'string' ? NAMED_ENTITIES[name] : undefined) ?? whole;
  });
}

/** Elements that start a new line of text (br and hr included: they break the line wherever they are). */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'ul',
]);
/** Elements whose content is never shown. */
const HIDDEN_ELEMENTS = new Set(['head', 'script', 'style', 'template', 'title', 'xml']);

// A comment, a declaration or processing instruction, or a tag with attributes (quoted values may hold ">").
// Anything else — a lone "<" in badly escaped text — stays text.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:._-]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?|\s*\/)*\s*>/g;

/**
 * The text of an HTML fragment: block elements end lines, a table row is one line with its cells separated by
 * tabs, whitespace is collapsed as a browser would, entities are decoded and non-breaking spaces become spaces.
 * Inside a table row, line breaks (a <p> Outlook wraps a cell's text in, an inserted <br>) become spaces, so a row
 * stays one line. Blank lines are dropped. Nested tables are read as part of their cell.
 */
export function htmlToText(html: string): string {
  let out = '';
  let inRow = false;
  let cellsInRow = 0;
  let tableDepth = 0;
  const newline = (): void => {
    out += '\n';
  };

  let position = 0;
  const appendText = (raw: string): void => {
    if (raw === '') return;
    // Collapse first (source whitespace is formatting), then decode (a &#10; or &nbsp; is content, but as text it
    // is just a space: tabs and newlines are reserved for the cell and line structure).
    out += decodeEntities(raw.replace(/[ \t\n\r\f]+/g, ' ')).replace(/[\t\n\r\f\v\u00a0\u2028\u2029]/g, ' ');
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    appendText(html.slice(position, m.index));
    position = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // comment or declaration
    const closing = m[1] === '/';

    if (!closing && HIDDEN_ELEMENTS.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, position);
      const close = end < 0 ? html.length : html.indexOf('>', end);
      position = close < 0 ? html.length : close + 1;
      TOKEN.lastIndex = position;
      continue;
    }
    if (name === 'table') {
      tableDepth = Math.max(0, tableDepth + (closing ? -1 : 1));
      if (tableDepth > 0 && inRow) {
        out += ' ';
        continue;
      }
      inRow = false;
      newline();
    } else if (name === 'tr') {
      if (tableDepth > 1) continue;
      newline();
      inRow = !closing;
      cellsInRow = 0;
    } else if (name === 'td' || name === 'th') {
      if (tableDepth > 1) {
        out += ' ';
      } else if (!closing) {
        if (!inRow) {
          newline();
          inRow = true;
          cellsInRow = 0;
        }
        if (cellsInRow > 0) out += '\t';
        cellsInRow += 1;
      }
    } else if (BLOCK_ELEMENTS.has(name)) {
      if (inRow) out += ' ';
      else newline();
    }
  }
  appendText(html.slice(position));

  return out
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((cell) => cell.replace(/ {2,}/g, ' ').trim())
        .join('\t'),
    )
    .filter((line) => line.replace(/\t/g, '') !== '' || line.includes('\t'))
    .join('\n');
}
