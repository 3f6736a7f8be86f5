/**
 * Samråd's section of the meeting's invitation body: the published agenda, which every attendee receives in their
 * own copy and the Teams face parses back (ADR 0002). Everything outside the section — above all the Teams join
 * block, without which the meeting stops being online — is kept byte for byte.
 *
 * The section is delimited twice, so that it is found after Outlook has re-serialised the body:
 *
 *   <!--samrad:begin v=1--><div id="samrad-section" data-samrad-section="1">…</div><!--samrad:end-->
 *
 * - The comments do not depend on any visible text (a translated or edited heading does not lose the section) and
 *   Exchange keeps comments in HTML bodies; they are found first and are authoritative.
 * - The wrapping element is the fallback where a client dropped the comments: Outlook's Word engine and the
 *   attendee copies shown by Outlook on the web may rewrite ids with an `x_` prefix and drop data attributes, so
 *   either the id (with or without `x_`) or the data attribute is enough; the element's end is found by counting
 *   nested <div>s.
 */
import { PortError } from '../ports/errors';

const BEGIN = '<!--samrad:begin v=1-->';
const END = '<!--samrad:end-->';
const OPEN = '<div id="samrad-section" data-samrad-section="1">';
const CLOSE = '</div>';

// Tolerant of what a re-serialiser may do to a comment: spaces inside, upper case, another version.
const BEGIN_PATTERN = /<!--\s*samrad:begin\b[^>]*?-->/gi;
const END_PATTERN = /<!--\s*samrad:end\s*-->/gi;
const WRAPPER_ATTRIBUTES = String.raw`(?:\bid\s*=\s*["']?(?:x_)?samrad-section(?=["'\s>/])|\bdata-samrad-section\b)`;
const WRAPPER_PATTERN = new RegExp(String.raw`<div\b[^>]*?${WRAPPER_ATTRIBUTES}[^>]*>`, 'i');
const WRAPPER_AT_START = new RegExp(String.raw`^\s*<div\b[^>]*?${WRAPPER_ATTRIBUTES}[^>]*>`, 'i');
const CLOSE_AT_END = /<\/div\s*>\s*$/i;
const DIV_TAG = /<(\/?)div\b[^>]*>/gi;

/** Where the section is: [start, end) is the whole section with its delimiters; [innerStart, innerEnd) its content. */
export interface SectionSpan {
  readonly start: number;
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
}

function matchAt(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}

/** The first end comment that has a begin comment after the previous end, paired with the nearest such begin. */
function commentSpan(body: string): SectionSpan | null {
  let searchFrom = 0;
  for (let end = matchAt(END_PATTERN, body, 0); end !== null; end = matchAt(END_PATTERN, body, searchFrom)) {
    let begin: RegExpExecArray | null = null;
    for (let m = matchAt(BEGIN_PATTERN, body, searchFrom); m !== null && m.index + m[0].length <= end.index;) {
      begin = m;
      m = matchAt(BEGIN_PATTERN, body, m.index + m[0].length);
    }
    const stop = end.index + end[0].length;
    if (begin !== null) return spanBetween(body, begin.index, begin.index + begin[0].length, end.index, stop);
    searchFrom = stop;
  }
  return null;
}

/** Inside the comments our own wrapper holds the content; where a client dropped it, the content is all of it. */
function spanBetween(body: string, start: number, afterBegin: number, beforeEnd: number, end: number): SectionSpan {
  const inside = body.slice(afterBegin, beforeEnd);
  const open = WRAPPER_AT_START.exec(inside);
  const close = CLOSE_AT_END.exec(inside);
  if (open !== null && close !== null && open[0].length <= close.index) {
    return { start, end, innerStart: afterBegin + open[0].length, innerEnd: afterBegin + close.index };
  }
  return { start, end, innerStart: afterBegin, innerEnd: beforeEnd };
}

/** The wrapping element, with its end found by <div> nesting; null when it is missing or never closed. */
function wrapperSpan(body: string): SectionSpan | null {
  const open = WRAPPER_PATTERN.exec(body);
  if (open === null) return null;
  const start = open.index;
  const innerStart = start + open[0].length;
  let depth = 1;
  for (let tag = matchAt(DIV_TAG, body, innerStart); tag !== null; tag = DIV_TAG.exec(body)) {
    depth += tag[1] === '/' ? -1 : 1;
    if (depth === 0) return { start, end: tag.index + tag[0].length, innerStart, innerEnd: tag.index };
  }
  return null;
}

/** Where Samråd's section is in a body, or null when it has none. */
export function findSamradSection(bodyHtml: string): SectionSpan | null {
  return commentSpan(bodyHtml) ?? wrapperSpan(bodyHtml);
}

/** The section's content (what replaceSamradSection was given), or null when the body has no section. */
export function extractSamradSection(bodyHtml: string): string | null {
  const span = findSamradSection(bodyHtml);
  return span === null ? null : bodyHtml.slice(span.innerStart, span.innerEnd);
}

/** A line of underscores opens the join block Teams writes into a meeting body ("____…____" then "Microsoft Teams…"). */
const JOIN_SEPARATOR = /_{30,}/;
/** The join block's own wrapper in current Teams invitations, with Outlook on the web's `x_` prefix or without. */
const JOIN_BLOCK_CLASS = /<div\b[^>]*\bclass\s*=\s*["'][^"']*\b(?:x_)?me-email-text\b/i;
const OPENING_TAG_BEFORE = /<(?!\/|!|(?:body|html|head)\b)[a-z][^<>]*>\s*$/i;

/** Moves back over the opening tags (and spaces) right before `at`, so an insertion lands outside their elements. */
function beforeOpeningTags(body: string, at: number): number {
  let position = at;
  for (
    let m = OPENING_TAG_BEFORE.exec(body.slice(0, position));
    m !== null;
    m = OPENING_TAG_BEFORE.exec(body.slice(0, position))
  ) {
    position = m.index;
  }
  return position;
}

function isInsideTag(body: string, at: number): boolean {
  return body.lastIndexOf('<', at) > body.lastIndexOf('>', at);
}

/** Where a new section goes: before the Teams join block if there is one, else at the end of the body. */
export function insertionPoint(bodyHtml: string): number {
  const separator = JOIN_SEPARATOR.exec(bodyHtml);
  if (separator !== null && !isInsideTag(bodyHtml, separator.index)) return beforeOpeningTags(bodyHtml, separator.index);
  const block = JOIN_BLOCK_CLASS.exec(bodyHtml);
  if (block !== null) return beforeOpeningTags(bodyHtml, block.index);
  const closeBody = bodyHtml.search(/<\/body\s*>/i);
  return closeBody < 0 ? bodyHtml.length : closeBody;
}

function checkSection(sectionHtml: string): void {
  const markers = [BEGIN_PATTERN, END_PATTERN].some((pattern) => matchAt(pattern, sectionHtml, 0) !== null);
  if (!markers) return;
  throw new PortError(
    'invalid-section',
    {
      sv: 'Avsnittet som skulle publiceras innehåller Samråds egna avgränsare (<!--samrad:…-->).',
      en: "The section to publish contains Samråd's own delimiters (<!--samrad:…-->).",
    },
    {
      sv: 'Publicera bara innehållet, utan avgränsarna; de läggs till automatiskt.',
      en: 'Publish the content only, without the delimiters; they are added automatically.',
    },
  );
}

/** The whole delimited block for a section's content. */
export function samradSectionBlock(sectionHtml: string): string {
  checkSection(sectionHtml);
  return `${BEGIN}${OPEN}${sectionHtml}${CLOSE}${END}`;
}

/**
 * The body with Samråd's section set to `sectionHtml`: the old section (with whatever delimiters it had left) is
 * replaced; without one, the section is inserted before the Teams join block, else at the end of the body. Every
 * byte outside the section is kept.
 */
export function replaceSamradSection(bodyHtml: string, sectionHtml: string): string {
  const block = samradSectionBlock(sectionHtml);
  const span = findSamradSection(bodyHtml);
  if (span !== null) return bodyHtml.slice(0, span.start) + block + bodyHtml.slice(span.end);
  const at = insertionPoint(bodyHtml);
  return bodyHtml.slice(0, at) + block + bodyHtml.slice(at);
}
