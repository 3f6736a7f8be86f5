// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAIL_TEXT_LIMIT, mailAsText } from '../../../src/views/registration/mailText';

const html = (bodyHtml: string) => mailAsText({ bodyText: null, bodyHtml });

describe('a registration mail as text', () => {
  it.each<[string, string, string]>([
    ['paragraphs and breaks', '<p>Hej!</p><p>Jag anmäler mig.<br>Anna Berg</p>', 'Hej!\nJag anmäler mig.\nAnna Berg'],
    ['a script, its text gone too', '<p>Hej</p><script>alert(1)</script><p>Anna</p>', 'Hej\nAnna'],
    ['a style block', '<html><head><style>p{color:red}</style></head><body><p>Anna</p></body></html>', 'Anna'],
    ['an event handler', '<img src=x onerror="alert(1)"><b onclick="steal()">Anna</b>', 'Anna'],
    ['a javascript link: the text, not the link', '<a href="javascript:alert(1)">klicka</a>', 'klicka'],
    [
      'an http link: the address shown after the text',
      '<a href="https://example.org/x">Läs mer</a>',
      'Läs mer (https://example.org/x)',
    ],
    ['entities decoded once', '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p>', '<script>alert(1)</script> &amp;'],
    [
      'a table as lines',
      '<table><tr><td>Namn</td><td>Anna</td></tr><tr><td>Org</td><td>Rädda Barnen</td></tr></table>',
      'Namn\tAnna\nOrg\tRädda Barnen',
    ],
    ['whitespace collapsed outside pre', '<p>Anna\n   Berg</p><pre>a  b\nc</pre>', 'Anna Berg\na  b\nc'],
    ['an svg payload', '<svg><script>alert(1)</script><text>Anna</text></svg>', 'Anna'],
  ])('%s', (_name, input, expected) => {
    expect(html(input).text).toBe(expected);
  });

  it('takes the text body as sent, only tidied', () => {
    expect(mailAsText({ bodyText: 'Hej\r\n\r\n\r\n\r\nAnna  \r\n', bodyHtml: null })).toEqual({
      text: 'Hej\n\nAnna',
      cut: false,
    });
  });

  it('cuts a very long mail and says so', () => {
    const result = mailAsText({ bodyText: 'a'.repeat(MAIL_TEXT_LIMIT + 10), bodyHtml: null });
    expect(result.cut).toBe(true);
    expect(result.text).toHaveLength(MAIL_TEXT_LIMIT);
  });

  it('never leaves markup that could be rendered: the result is meant for a text node', () => {
    const { text } = html('<iframe srcdoc="<script>x</script>"></iframe><p>Anna</p><object data="x"></object>');
    expect(text).toBe('Anna');
  });
});
