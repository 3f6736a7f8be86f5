/**
 * Participants' input in the meeting chat: the message Samråd posts, reading it back (also after Teams has
 * re-rendered it), what can be posted at all, and grouping the chat by question. The questions are the seed
 * consultation's (the OGP consultation of 12 December 2023).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSamradError } from '../../../src/core/errors';
import { importInvitation } from '../../../src/core/invitation';
import {
  cleanInput,
  formatInputMessage,
  groupInput,
  inputProblem,
  MAX_INPUT_CHARS,
  numberedQuestions,
  questionFingerprint,
  readInputMessage,
  type InputQuestion,
  type TaggedInput,
} from '../../../src/core/meeting/input';
import type { ChatMessage, ChatMessageSender } from '../../../src/core/ports';
import type { Language } from '../../../src/core/time/format';
import { readSeedInvitation } from '../../support/seed';

const QUESTIONS = numberedQuestions(importInvitation(readSeedInvitation()).consultation.questions);

function question(index: number, questions: readonly InputQuestion[] = QUESTIONS): InputQuestion {
  const q = questions[index];
  if (q === undefined) throw new Error(`no question ${index}`);
  return q;
}

const [Q1, Q2, Q3] = [question(0), question(1), question(2)];
const ANNA: ChatMessageSender = { userId: 'user-anna', displayName: 'Anna Berg' };
const GUEST: ChatMessageSender = { userId: null, displayName: 'Gäst (extern)' };

function message(id: string, content: string, change: Partial<ChatMessage> = {}): ChatMessage {
  return { id, createdAt: '2023-12-12T13:05:00+01:00', from: ANNA, contentType: 'html', content, ...change };
}

/** An input as Samråd posts it, written `minute` minutes past 13.00. */
function post(id: string, minute: number, q: InputQuestion, text: string, from: ChatMessageSender = ANNA): ChatMessage {
  const createdAt = `2023-12-12T13:${String(minute).padStart(2, '0')}:00+01:00`;
  return message(id, formatInputMessage(q, text, 'sv'), { createdAt, from });
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** A written line as a reader of the chat sees it: HTML shows runs of spaces as one, and nothing at the ends. */
function visibleLine(line: string): string {
  return line
    .replace(/[\t\f\v\u00a0\u2028\u2029]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const nonBlankLines = (text: string): string =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .join('\n');

/** What is read back from an input, blank lines aside: cleanInput(text) with every line as a reader sees it. */
const visibleLines = (text: string): string => nonBlankLines(cleanInput(text).split('\n').map(visibleLine).join('\n'));

/** …and with the paragraphs kept: one blank line between them, however many were written (readInputMessage's rule). */
const visibleParagraphs = (text: string): string =>
  cleanInput(text)
    .split('\n')
    .map(visibleLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Text that is hostile to a reader of HTML: markup, entities, quotes, line breaks, lines that look like tags. */
const PIECES = [
  'a',
  'Ö',
  'å',
  '7',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\n\n\n\n',
  '\n  \n',
  '\u00a0',
  '\u2028',
  '\v',
  '\u3000',
  '<script>alert("x")</script>',
  '<p>',
  '</p>',
  '<br>',
  '<b>',
  '>',
  '&',
  '&amp;',
  '&lt;',
  '&#229;',
  '&nbsp;',
  '"',
  "'",
  '<!--',
  '-->',
  '[Samråd · fråga 1 · q12345678]',
  'Fråga: ',
  'Inspel: ',
  'Input:',
  'Question: x',
  '·',
  '😀',
  '中',
];

const textArb = fc
  .oneof(
    fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 20 }).map((pieces) => pieces.join('')),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
  )
  .filter((text) => inputProblem(text) === null);

const questionArb: fc.Arbitrary<InputQuestion> = fc.record({
  number: fc.integer({ min: 1, max: 50 }),
  text: fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 })
    .map((pieces) => pieces.join(''))
    .filter((text) => text.trim() !== ''),
});

const languageArb = fc.constantFrom<Language>('sv', 'en');

describe('questionFingerprint', () => {
  it('is q and eight base-36 characters', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(questionFingerprint(text)).toMatch(/^q[0-9a-z]{8}$/);
      }),
    );
  });

  it('does not count spacing or case, as a reader does not', () => {
    const swedish = fc.array(fc.constantFrom('a', 'B', 'å', 'Ä', 'ö', 'É', ' ', '  ', '\n', '\t', '?', '1'), { maxLength: 20 });
    fc.assert(
      fc.property(swedish, (pieces) => {
        const text = pieces.join('');
        expect(questionFingerprint(` ${text.toUpperCase()}\n`)).toBe(questionFingerprint(text.toLowerCase().replace(/ /g, '  ')));
      }),
    );
  });

  it('tells the seed’s questions apart, and a rewritten question from the original', () => {
    const prints = QUESTIONS.map((q) => questionFingerprint(q.text));
    expect(new Set(prints).size).toBe(QUESTIONS.length);
    expect(questionFingerprint(`${Q2.text} Och hur?`)).not.toBe(questionFingerprint(Q2.text));
  });
});

describe('numberedQuestions', () => {
  it('numbers the published questions from 1, as the agenda shows them', () => {
    expect(numberedQuestions([{ text: 'A?' }, { text: 'B?' }])).toEqual([
      { number: 1, text: 'A?' },
      { number: 2, text: 'B?' },
    ]);
    expect(QUESTIONS.map((q) => q.number)).toEqual([1, 2, 3]);
    expect(numberedQuestions([])).toEqual([]);
  });
});

describe('inputProblem', () => {
  const x = (n: number): string => 'x'.repeat(n);

  it.each<[name: string, text: string]>([
    ['one character', 'a'],
    [`exactly ${MAX_INPUT_CHARS} characters`, x(MAX_INPUT_CHARS)],
    [`${MAX_INPUT_CHARS - 1} characters`, x(MAX_INPUT_CHARS - 1)],
    ['the limit, with space around it that is not counted', `  \n${x(MAX_INPUT_CHARS)}\r\n\t `],
    ['the limit counting a CRLF as one character', `${x(MAX_INPUT_CHARS - 2)}\r\ny`],
  ])('accepts %s', (_, text) => {
    expect(inputProblem(text)).toBeNull();
  });

  it.each<[name: string, text: string, code: string, count: string | null]>([
    ['an empty text', '', 'invalid-input', null],
    ['spaces only', '   ', 'invalid-input', null],
    ['line breaks and tabs only', '\r\n\t\n \r', 'invalid-input', null],
    ['non-breaking spaces only', '\u00a0\u00a0', 'invalid-input', null],
    [`${MAX_INPUT_CHARS + 1} characters`, x(MAX_INPUT_CHARS + 1), 'input-too-long', '4001'],
    ['one character past the limit around a CRLF', `${x(MAX_INPUT_CHARS - 1)}\r\ny`, 'input-too-long', '4001'],
    ['far past the limit', x(3 * MAX_INPUT_CHARS), 'input-too-long', '12000'],
  ])('refuses %s, saying why in Swedish and English', (_, text, code, count) => {
    const problem = inputProblem(text);
    expect(problem?.code).toBe(code);
    expect(problem?.what.sv).not.toBe('');
    expect(problem?.what.en).not.toBe('');
    expect(problem?.hint.sv).not.toBe('');
    expect(problem?.hint.en).not.toBe('');
    if (count !== null) {
      expect(problem?.what.sv).toContain(`${count} tecken`);
      expect(problem?.what.en).toContain(`${count} characters`);
      expect(problem?.what.en).toContain(String(MAX_INPUT_CHARS));
    }
  });

  it('is what formatInputMessage throws for a text it cannot post', () => {
    for (const text of ['', ' \n ', x(MAX_INPUT_CHARS + 1)]) {
      const error = thrown(() => formatInputMessage(Q1, text, 'sv'));
      expect(isSamradError(error)).toBe(true);
      expect(error).toEqual(inputProblem(text));
    }
  });
});

describe('formatInputMessage', () => {
  it('writes the tag, the question and the input as three paragraphs, in Swedish', () => {
    const q = { number: 2, text: '  Vad  tycker\nni? ' };
    expect(formatInputMessage(q, '  a < b & "c"\r\nrad två\n', 'sv')).toBe(
      `<p>[Samråd · fråga 2 · ${questionFingerprint(q.text)}]</p>` +
        '<p><em>Fråga: Vad tycker ni?</em></p>' +
        '<p>Inspel: a &lt; b &amp; &quot;c&quot;<br>rad två</p>',
    );
  });

  it('writes the same in English, with the same fingerprint', () => {
    const q = { number: 12, text: 'Vad tycker ni?' };
    expect(formatInputMessage(q, "It's <b>fine</b>", 'en')).toBe(
      `<p>[Samråd · question 12 · ${questionFingerprint(q.text)}]</p>` +
        '<p><em>Question: Vad tycker ni?</em></p>' +
        '<p>Input: It&#39;s &lt;b&gt;fine&lt;/b&gt;</p>',
    );
  });
});

describe('formatInputMessage → readInputMessage, property-based', () => {
  it('never lets the text add markup, and reads back every line of it as a reader sees it (blank lines aside)', () => {
    fc.assert(
      fc.property(questionArb, textArb, languageArb, (q, text, language) => {
        const html = formatInputMessage(q, text, language);
        // Samråd's own markup is <p>, <em> and <br>; everything else that looks like markup came from the text.
        expect(html.replace(/<\/?(?:p|em)>|<br>/g, '')).not.toMatch(/[<>"]/);
        const read = readInputMessage(message('m1', html));
        expect(read).toEqual({
          messageId: 'm1',
          questionNumber: q.number,
          fingerprint: questionFingerprint(q.text),
          text: read?.text,
          author: ANNA.displayName,
          authorId: ANNA.userId,
          createdAt: '2023-12-12T13:05:00+01:00',
        });
        expect(nonBlankLines(read?.text ?? '')).toBe(visibleLines(text));
      }),
      { numRuns: 500 },
    );
  });

  // A blank line between paragraphs is visible in Teams (the message has <br><br>); readInputMessage collapses runs
  // of blank lines to one and keeps that one.
  it('reads back the paragraphs of an input with one blank line between them', () => {
    fc.assert(
      fc.property(questionArb, textArb, languageArb, (q, text, language) => {
        const read = readInputMessage(message('m1', formatInputMessage(q, text, language)));
        expect(read?.text).toBe(visibleParagraphs(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the blank line between two paragraphs: "Första stycket.\\n\\nAndra stycket."', () => {
    const text = 'Första stycket.\n\nAndra stycket.';
    expect(readInputMessage(message('m1', formatInputMessage(Q1, text, 'sv')))?.text).toBe(text);
  });

  it('keeps a script, entities and look-alike tags as the exact string written (inert text)', () => {
    const texts = [
      '<script>alert("x")</script>',
      '<img src=x onerror="alert(1)">',
      'Tom &amp; Jerry &lt;3 &#229;',
      '[Samråd · fråga 3 · q00000000]',
      'Inspel: Fråga: dubbelt',
      'a < b > c',
    ];
    for (const text of texts) {
      for (const language of ['sv', 'en'] as const) {
        expect(readInputMessage(message('m1', formatInputMessage(Q2, text, language)))?.text).toBe(text);
      }
    }
  });
});

/** Text nodes only (tags untouched), as a re-serialiser rewrites them. */
function mapText(html: string, f: (text: string) => string): string {
  return html.replace(/(^|>)([^<]+)(?=<|$)/g, (_whole, open: string, text: string) => open + f(text));
}

const ENTITIES: Readonly<Record<string, string>> = { å: '&aring;', ä: '&auml;', ö: '&#246;', Å: '&#xC5;', '·': '&middot;' };

/** What Teams and Graph may do to a posted message before it is listed back. */
const RERENDERINGS: readonly (readonly [name: string, rerender: (html: string) => string])[] = [
  ['wrapped in <div>s', (html) => `<div><div itemprop="copy-paste-block">${html}</div></div>`],
  ['attributes added', (html) => html.replace(/<p>/g, '<p style="margin-left:0" dir="ltr">').replace(/<em>/g, '<em class="x">')],
  ['spaces as &nbsp;', (html) => mapText(html, (text) => text.replace(/ /g, '&nbsp;'))],
  ['letters and the dot as entities', (html) => mapText(html, (text) => text.replace(/[åäöÅ·]/g, (c) => ENTITIES[c] ?? c))],
  ['line breaks self-closed, upper case', (html) => html.replace(/<br>/g, '<BR />')],
  ['indented between tags', (html) => html.replace(/></g, '>\r\n    <')],
  [
    'emphasis as an italic span',
    (html) => html.replace(/<em>/g, '<span style="font-style:italic">').replace(/<\/em>/g, '</span>'),
  ],
  ['one paragraph with line breaks', (html) => html.replace(/<\/p><p>/g, '<br>')],
  ['an empty paragraph first', (html) => `<p>&nbsp;</p>${html}`],
  ['paragraphs as <div>s', (html) => html.replace(/<(\/?)p>/g, '<$1div>')],
];

describe('readInputMessage after Teams re-rendered the message', () => {
  it.each(RERENDERINGS)('still reads it: %s', (_, rerender) => {
    for (const text of ['Vi tycker att öppna data & insyn hör ihop.', 'Rad ett\nrad  två · <b>tre</b>']) {
      const posted = formatInputMessage(Q2, text, 'sv');
      expect(readInputMessage(message('m1', rerender(posted)))).toEqual(readInputMessage(message('m1', posted)));
    }
  });

  it('reads a message as Teams lists it back', () => {
    const fp = questionFingerprint(Q1.text);
    const listed = [
      '<div><div>',
      '<div>',
      '<p style="margin:0">[Samr&aring;d&nbsp;&middot; fråga 1 &middot;&nbsp;' + fp + ']</p>',
      '<p><i>Fråga: Syften och nyttor med datadelning för samhällsutvecklingen.</i></p>',
      '<p>Inspel: Vi&nbsp;vill se  fler &quot;öppna&quot; datamängder.<br/>',
      '&nbsp; Gärna i maskinläsbart format.</p>',
      '</div>',
      '</div></div>',
    ].join('\n');
    expect(readInputMessage(message('m9', listed, { from: GUEST }))).toEqual({
      messageId: 'm9',
      questionNumber: 1,
      fingerprint: fp,
      text: 'Vi vill se fler "öppna" datamängder.\nGärna i maskinläsbart format.',
      author: 'Gäst (extern)',
      authorId: null,
      createdAt: '2023-12-12T13:05:00+01:00',
    });
  });

  it('reads back whatever was written through any combination of re-renderings (property)', () => {
    const rerenderings = fc.subarray(RERENDERINGS.map(([, f]) => f));
    fc.assert(
      fc.property(questionArb, textArb, languageArb, rerenderings, (q, text, language, steps) => {
        const posted = formatInputMessage(q, text, language);
        const listed = steps.reduce((html, rerender) => rerender(html), posted);
        expect(readInputMessage(message('m1', listed))).toEqual(readInputMessage(message('m1', posted)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('readInputMessage', () => {
  const fp = questionFingerprint(Q1.text);
  const tag = `[Samråd · fråga 1 · ${fp}]`;
  const valid = formatInputMessage(Q1, 'Ett inspel.', 'sv');

  it.each<[name: string, message: ChatMessage]>([
    ['a system message (no sender), even with a tag', message('s', valid, { from: null })],
    ['ordinary chat', message('c', '<p>Hej alla, hörs jag?</p>')],
    ['ordinary chat as text', message('c', 'Hej alla!', { contentType: 'text' })],
    ['an empty message', message('c', '')],
    ['a tag on the second line', message('c', `<p>Hej</p>${valid}`)],
    ['a tag after a line break in text', message('c', `Se nedan:\n${tag}\nInspel: x`, { contentType: 'text' })],
    ['a tag without its closing bracket', message('c', `<p>[Samråd · fråga 1 · ${fp}</p><p>Inspel: x</p>`)],
    ['a fingerprint of seven characters', message('c', `<p>[Samråd · fråga 1 · ${fp.slice(0, 7)}]</p><p>Inspel: x</p>`)],
    ['a fingerprint in capitals', message('c', `<p>[Samråd · fråga 1 · ${fp.toUpperCase()}]</p><p>Inspel: x</p>`)],
    ['a fingerprint without its q', message('c', `<p>[Samråd · fråga 1 · ${fp.slice(1)}x]</p><p>Inspel: x</p>`)],
    ['a question number of four digits', message('c', `<p>[Samråd · fråga 1000 · ${fp}]</p><p>Inspel: x</p>`)],
    ['no question number', message('c', `<p>[Samråd · fråga · ${fp}]</p><p>Inspel: x</p>`)],
    ['another word for question', message('c', `<p>[Samråd · frage 1 · ${fp}]</p><p>Inspel: x</p>`)],
    ['Samrad without the ring', message('c', `<p>[Samrad · fråga 1 · ${fp}]</p><p>Inspel: x</p>`)],
    ['hyphens for the dots', message('c', `<p>[Samråd - fråga 1 - ${fp}]</p><p>Inspel: x</p>`)],
    ['text after the tag on its line', message('c', `<p>${tag} och mer</p><p>Inspel: x</p>`)],
    ['a tag with an empty input', message('c', `<p>${tag}</p><p><em>Fråga: ${Q1.text}</em></p><p>Inspel:</p>`)],
    ['a tag with only spaces as input', message('c', `<p>${tag}</p><p><em>Fråga: x</em></p><p>Inspel: &nbsp; <br> </p>`)],
    ['only the tag', message('c', `<p>${tag}</p>`)],
    ['the tag and the question only', message('c', `<p>${tag}</p><p><em>Fråga: ${Q1.text}</em></p>`)],
    [
      'a Teams reply quoting an input (the quote is not new input)',
      message(
        'r',
        '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="m1">' +
          '<strong itemprop="mri" itemid="user-anna">Anna Berg</strong><span itemprop="time" itemid="m1"></span>' +
          `<p itemprop="preview">${tag} Fråga: ${Q1.text} Inspel: Ett inspel.</p></blockquote><p>Håller med!</p>`,
      ),
    ],
  ])('is null for %s', (_, m) => {
    expect(readInputMessage(m)).toBeNull();
  });

  it('reads a text message, with runs of blank lines kept as one', () => {
    const content = `\r\n${tag}\r\nFråga: ${Q1.text}\r\nInspel:  första raden\n\n\n\nandra  \n`;
    expect(readInputMessage(message('t1', content, { contentType: 'text', from: GUEST }))).toEqual({
      messageId: 't1',
      questionNumber: 1,
      fingerprint: fp,
      text: 'första raden\n\nandra',
      author: 'Gäst (extern)',
      authorId: null,
      createdAt: '2023-12-12T13:05:00+01:00',
    });
  });

  // Blank lines are skipped between the tag and the question line and between the question line and the label, so
  // the label never stays in the text (HTML messages keep their blank lines too, so the same holds for them).
  it('reads a text message with a blank line before the input label without the label', () => {
    const content = `${tag}\nFråga: ${Q1.text}\n\nInspel: första raden`;
    expect(readInputMessage(message('t2', content, { contentType: 'text' }))?.text).toBe('första raden');
  });

  it.each<[name: string, content: string, text: string]>([
    ['without the question line', `<p>${tag}</p><p>Bara text.</p>`, 'Bara text.'],
    ['without the input label', `<p>${tag}</p><p><em>Fråga: ${Q1.text}</em></p><p>Bara text.</p>`, 'Bara text.'],
    ['after empty paragraphs', `<p></p><p> </p><p>${tag}</p><p>Inspel: x</p>`, 'x'],
    ['with the English tag and labels', `<p>[Samråd · question 1 · ${fp}]</p><p><em>Question: Q</em></p><p>Input: y</p>`, 'y'],
    ['with a label and no space after it', `<p>${tag}</p><p>Inspel:z</p>`, 'z'],
  ])('reads an input %s', (_, content, text) => {
    expect(readInputMessage(message('m', content))).toMatchObject({ questionNumber: 1, fingerprint: fp, text });
  });

  it('reads a hand-written message with markup as text only: a script element is dropped, never run', () => {
    const hostile = `<p>${tag}</p><p>Inspel: <script>alert(1)</script>hej <img src=x onerror="alert(2)"> &lt;b&gt;</p>`;
    expect(readInputMessage(message('h', hostile))?.text).toBe('hej <b>');
  });
});

describe('groupInput', () => {
  const chat = message('chat', '<p>Hörs jag?</p>', { createdAt: '2023-12-12T13:02:00+01:00' });
  const system = message('sys', '<p>Anna Berg har lagts till.</p>', { from: null, createdAt: '2023-12-12T13:00:00+01:00' });

  const texts = (inputs: readonly TaggedInput[]): string[] => inputs.map((i) => i.text);

  it('puts input under its question, oldest first, counts the other messages and keeps questions without input', () => {
    const messages = [post('m3', 7, Q2, 'C'), post('m1', 1, Q1, 'A'), chat, post('m2', 5, Q2, 'B', GUEST), system];
    const grouped = groupInput(QUESTIONS, messages);
    expect(grouped.byQuestion.map((g) => [g.question, texts(g.inputs)])).toEqual([
      [Q1, ['A']],
      [Q2, ['B', 'C']],
      [Q3, []],
    ]);
    expect(grouped.byQuestion[1]?.inputs.map((i) => [i.messageId, i.author, i.authorId])).toEqual([
      ['m2', 'Gäst (extern)', null],
      ['m3', 'Anna Berg', 'user-anna'],
    ]);
    expect(grouped.unmatched).toEqual([]);
    expect(grouped.otherMessages).toBe(2);
  });

  it('orders by instant whatever offset a time was written with', () => {
    const early = { ...post('z', 0, Q1, 'senare'), createdAt: '2023-12-12T12:04:00Z' };
    const late = post('a', 3, Q1, 'tidigare');
    expect(texts(groupInput(QUESTIONS, [early, late]).byQuestion[0]?.inputs ?? [])).toEqual(['tidigare', 'senare']);
  });

  it('counts a message listed twice once (the posted copy and the listed one)', () => {
    const m = post('m1', 1, Q1, 'A');
    const grouped = groupInput(QUESTIONS, [m, chat, m, { ...m }, chat]);
    expect(texts(grouped.byQuestion[0]?.inputs ?? [])).toEqual(['A']);
    expect(grouped.otherMessages).toBe(1);
  });

  it('follows a question the organiser moved: the fingerprint decides, not the number', () => {
    const written = [post('m1', 1, Q1, 'till ett'), post('m2', 2, Q3, 'till tre')];
    const reordered = numberedQuestions([Q3, Q1, Q2]);
    const grouped = groupInput(reordered, written);
    expect(grouped.byQuestion.map((g) => [g.question.number, g.question.text, texts(g.inputs)])).toEqual([
      [1, Q3.text, ['till tre']],
      [2, Q1.text, ['till ett']],
      [3, Q2.text, []],
    ]);
    expect(grouped.unmatched).toEqual([]);
  });

  it('still matches a question whose spacing or case alone changed', () => {
    const respaced = [{ number: 1, text: `  ${Q1.text.toUpperCase().replace(/ /g, '\n  ')} ` }];
    expect(texts(groupInput(respaced, [post('m1', 1, Q1, 'A')]).byQuestion[0]?.inputs ?? [])).toEqual(['A']);
  });

  it('keeps input to a question rewritten or removed since apart, never under a question it did not answer', () => {
    const written = [post('m1', 1, Q1, 'A'), post('m2', 2, Q2, 'B'), post('m3', 3, Q3, 'C')];
    const now = [Q1, { number: 2, text: `${Q2.text} Och hur?` }];
    const grouped = groupInput(now, written);
    expect(grouped.byQuestion.map((g) => texts(g.inputs))).toEqual([['A'], []]);
    expect(grouped.unmatched.map((i) => [i.questionNumber, i.text])).toEqual([
      [2, 'B'],
      [3, 'C'],
    ]);
    expect(grouped.otherMessages).toBe(0);
  });

  it('gives every question an empty list in a chat without input', () => {
    expect(groupInput(QUESTIONS, [chat])).toEqual({
      byQuestion: QUESTIONS.map((q) => ({ question: q, inputs: [] })),
      unmatched: [],
      otherMessages: 1,
    });
    expect(groupInput([], [post('m1', 1, Q1, 'A')])).toEqual({
      byQuestion: [],
      unmatched: [expect.anything()],
      otherMessages: 0,
    });
  });

  it('accounts for every distinct message exactly once, each list oldest first (property)', () => {
    const pool = [...QUESTIONS, { number: 4, text: 'En borttagen fråga?' }];
    const messageArb = fc.record({
      id: fc.integer({ min: 1, max: 12 }),
      minute: fc.integer({ min: 0, max: 59 }),
      kind: fc.constantFrom('input', 'chat', 'system'),
      to: fc.integer({ min: 0, max: pool.length - 1 }),
      text: textArb,
    });
    const currentArb = fc.subarray(pool).chain((qs) => fc.shuffledSubarray(qs, { minLength: qs.length }));
    fc.assert(
      fc.property(fc.array(messageArb, { maxLength: 15 }), currentArb, (specs, current) => {
        // One message per id (a message listed twice is the same message twice).
        const byId = new Map<number, ChatMessage>();
        const messages = specs.map((s) => {
          const known = byId.get(s.id);
          if (known !== undefined) return known;
          const q = pool[s.to] ?? Q1;
          const m =
            s.kind === 'input'
              ? post(`m${s.id}`, s.minute, q, s.text)
              : message(`m${s.id}`, '<p>Hej</p>', { from: s.kind === 'system' ? null : ANNA });
          byId.set(s.id, m);
          return m;
        });
        const questions = numberedQuestions(current);
        const grouped = groupInput(questions, messages);

        const inputs = grouped.byQuestion.reduce((n, g) => n + g.inputs.length, 0);
        expect(inputs + grouped.unmatched.length + grouped.otherMessages).toBe(byId.size);
        expect(grouped.byQuestion.map((g) => g.question)).toEqual(questions);
        const prints = new Set(questions.map((q) => questionFingerprint(q.text)));
        for (const g of grouped.byQuestion) {
          for (const input of g.inputs) expect(input.fingerprint).toBe(questionFingerprint(g.question.text));
          const times = g.inputs.map((i) => Date.parse(i.createdAt));
          expect(times).toEqual([...times].sort((a, b) => a - b));
        }
        for (const input of grouped.unmatched) expect(prints.has(input.fingerprint)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
