import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPortError } from '../../../src/core/ports/errors';
import {
  extractSamradSection,
  findSamradSection,
  insertionPoint,
  replaceSamradSection,
  samradSectionBlock,
} from '../../../src/core/publishing/bodySection';

const SEPARATOR = '________________________________________________________________________________';

/** The join block as Outlook writes it for a Teams meeting (shape of a real invitation, shortened). */
const JOIN_BLOCK = [
  `<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">${SEPARATOR}</span></div>`,
  '<div class="me-email-text" lang="sv-SE" style="color:#252424">',
  '<div style="margin-top:24px"><span style="font-size:24px">Microsoft Teams-möte</span></div>',
  '<a class="me-email-headline" href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0">Klicka här för att ansluta till mötet</a>',
  '</div>',
  `<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">${SEPARATOR}</span></div>`,
].join('\r\n');

const html = (body: string): string =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>${body}</body></html>`;

describe('replaceSamradSection', () => {
  it('inserts the section before the Teams join block, keeping the block byte for byte', () => {
    const body = html(`<p>Välkomna till samrådet.</p>\r\n${JOIN_BLOCK}`);
    const out = replaceSamradSection(body, '<h2>Dagordning</h2>');
    const at = out.indexOf('<!--samrad:begin');
    expect(at).toBeGreaterThan(out.indexOf('Välkomna'));
    expect(at).toBeLessThan(out.indexOf(SEPARATOR));
    expect(out).toContain(JOIN_BLOCK);
    // Inserted right before the separator's own <div>, not inside it.
    expect(out.slice(at).startsWith(samradSectionBlock('<h2>Dagordning</h2>') + '<div style="width:100%">')).toBe(true);
  });

  it('finds the join block by its me-email-text class when the separator line is gone', () => {
    const body = '<p>Hej</p><div class="x_me-email-text"><a href="https://teams.microsoft.com/l/meetup-join/x">Anslut</a></div>';
    const out = replaceSamradSection(body, 'S');
    expect(out).toBe(
      `<p>Hej</p>${samradSectionBlock('S')}<div class="x_me-email-text"><a href="https://teams.microsoft.com/l/meetup-join/x">Anslut</a></div>`,
    );
  });

  it('appends before </body> when there is no join block, and at the very end without a <body>', () => {
    expect(replaceSamradSection(html('<p>A</p>'), 'S')).toBe(html(`<p>A</p>${samradSectionBlock('S')}`));
    expect(replaceSamradSection('plain text', 'S')).toBe(`plain text${samradSectionBlock('S')}`);
    expect(replaceSamradSection('', 'S')).toBe(samradSectionBlock('S'));
  });

  it('replaces an existing section in place and nothing else', () => {
    const once = replaceSamradSection(html(`<p>A</p>${JOIN_BLOCK}`), '<p>v1</p>');
    const twice = replaceSamradSection(once, '<p>v2</p>');
    expect(twice).toBe(once.replace('<p>v1</p>', '<p>v2</p>'));
    expect(extractSamradSection(twice)).toBe('<p>v2</p>');
  });

  it('still finds a section whose comments a client dropped, by its wrapper (also with the x_ prefix)', () => {
    const body = `<p>A</p><div id="x_samrad-section"><div><p>old</p></div></div><p>B</p>${JOIN_BLOCK}`;
    expect(extractSamradSection(body)).toBe('<div><p>old</p></div>');
    const out = replaceSamradSection(body, '<p>new</p>');
    expect(out).toBe(`<p>A</p>${samradSectionBlock('<p>new</p>')}<p>B</p>${JOIN_BLOCK}`);
  });

  it('still finds a section whose wrapper a client dropped, by its comments (re-serialised with spaces)', () => {
    const body = '<p>A</p><!-- samrad:begin v=1 --><p>old</p><!-- samrad:end --><p>B</p>';
    expect(extractSamradSection(body)).toBe('<p>old</p>');
    expect(replaceSamradSection(body, 'S')).toBe(`<p>A</p>${samradSectionBlock('S')}<p>B</p>`);
  });

  it('refuses a section that carries its own delimiters, with a bilingual reason', () => {
    let caught: unknown;
    try {
      replaceSamradSection('', 'a<!--samrad:end-->b');
    } catch (error) {
      caught = error;
    }
    expect(isPortError(caught) && caught.code === 'invalid-section' && /delimiters/.test(caught.what.en)).toBe(true);
  });

  it('extracts null from a body without a section', () => {
    expect(extractSamradSection(html(`<p>A</p>${JOIN_BLOCK}`))).toBeNull();
    expect(findSamradSection('<!--samrad:end--> only an end')).toBeNull();
  });

  it('never inserts inside a tag even when an attribute holds underscores', () => {
    const body = `<a title="${SEPARATOR}">x</a>`;
    expect(insertionPoint(body)).toBe(body.length);
  });
});

/** Bodies made of the pieces real invitations have, plus noise that looks a little like markers. */
const fragment = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '<p>',
    '</p>',
    '<div>',
    '</div>',
    '<span style="x">',
    '</span>',
    '<br>',
    '<!-- comment -->',
    '<!--samrad',
    'samrad-section',
    '<div class="other">',
    '\r\n',
    '&nbsp;',
    'Microsoft Teams',
    '<body>',
    '</body>',
    '<html>',
    '</html>',
    '___',
  ),
);
const bodyArb = fc
  .tuple(fc.array(fragment, { maxLength: 20 }), fc.boolean(), fc.array(fragment, { maxLength: 5 }))
  .map(([before, withJoin, after]) => before.join('') + (withJoin ? JOIN_BLOCK : '') + after.join(''))
  .filter((b) => findSamradSection(b) === null);
const sectionArb = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('<h2>Dagordning</h2>', '<div>', '</div>', '<table><tr><td>13.00</td></tr></table>', '-->', '<!--'),
    ),
    {
      maxLength: 10,
    },
  )
  .map((parts) => parts.join(''))
  .filter((s) => !/<!--\s*samrad:(begin|end)/i.test(s));

describe('replaceSamradSection properties', () => {
  it('keeps every byte outside the section (inserting)', () => {
    fc.assert(
      fc.property(bodyArb, sectionArb, (body, section) => {
        const out = replaceSamradSection(body, section);
        const span = findSamradSection(out);
        expect(span).not.toBeNull();
        if (span === null) return;
        expect(out.slice(0, span.start) + out.slice(span.end)).toBe(body);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every byte outside the section (replacing), and replacing twice equals replacing once', () => {
    fc.assert(
      fc.property(bodyArb, sectionArb, sectionArb, sectionArb, (body, s0, s1, s2) => {
        const withSection = replaceSamradSection(body, s0);
        const before = findSamradSection(withSection);
        const once = replaceSamradSection(withSection, s2);
        const twice = replaceSamradSection(replaceSamradSection(withSection, s1), s2);
        expect(twice).toBe(once);
        const after = findSamradSection(once);
        if (before === null || after === null) throw new Error('section lost');
        expect(once.slice(0, after.start)).toBe(withSection.slice(0, before.start));
        expect(once.slice(after.end)).toBe(withSection.slice(before.end));
      }),
      { numRuns: 500 },
    );
  });

  it('extract(replace(body, s)) = s', () => {
    fc.assert(
      fc.property(bodyArb, sectionArb, (body, section) => {
        expect(extractSamradSection(replaceSamradSection(body, section))).toBe(section);
        expect(extractSamradSection(replaceSamradSection(replaceSamradSection(body, 'old'), section))).toBe(section);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the join block whole and after the section', () => {
    fc.assert(
      fc.property(bodyArb, sectionArb, (body, section) => {
        fc.pre(body.includes(JOIN_BLOCK));
        const out = replaceSamradSection(body, section);
        expect(out).toContain(JOIN_BLOCK);
        expect(out.indexOf('<!--samrad:begin')).toBeLessThan(out.lastIndexOf(JOIN_BLOCK));
      }),
      { numRuns: 300 },
    );
  });
});
