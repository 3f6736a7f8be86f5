import { describe, it, expect } from 'vitest';
import { describeInvalidEmail, normaliseEmail, parseEmail } from '../../../src/core/registration/email';
import type { InvalidEmailReason } from '../../../src/core/registration/email';

describe('normaliseEmail', () => {
  const accepted: readonly (readonly [string, string, string])[] = [
    ['a plain address', 'anna@org.se', 'anna@org.se'],
    ['upper case, domain included', 'Anna.Berg@Org.SE', 'anna.berg@org.se'],
    ['surrounding spaces and tabs', ' \tanna@org.se \n', 'anna@org.se'],
    ['non-breaking spaces', '\u00A0anna@org.se\u202F', 'anna@org.se'],
    ['a zero-width space from a formatted mail', '\u200Banna@org.se', 'anna@org.se'],
    ['mailto:', 'mailto:anna@org.se', 'anna@org.se'],
    ['MAILTO: in any case', 'MailTo:Anna@Org.se', 'anna@org.se'],
    ['mailto: with a query', 'mailto:anna@org.se?subject=Anm%C3%A4lan', 'anna@org.se'],
    ['angle brackets', '<anna@org.se>', 'anna@org.se'],
    ['quoted display name', '"Anna Berg" <Anna@Org.se>', 'anna@org.se'],
    ['display name with a comma', '"Berg, Anna" <anna@org.se>', 'anna@org.se'],
    ['unquoted display name', 'Anna Berg <anna@org.se>', 'anna@org.se'],
    ['Outlook plain-text copy', 'Anna Berg <mailto:anna@org.se>', 'anna@org.se'],
    ['spaces inside the brackets', '"Anna" < anna@org.se >', 'anna@org.se'],
    ['mailto: before brackets', 'mailto:<anna@org.se>', 'anna@org.se'],
    ['plus addressing and subdomains', 'anna+samrad@mail.org.gov.se', 'anna+samrad@mail.org.gov.se'],
    ['Swedish letters', 'Åsa@Föreningen.se', 'åsa@föreningen.se'],
  ];
  it.each(accepted)('accepts %s', (_, raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
    expect(parseEmail(raw)).toEqual({ ok: true, email: expected });
  });

  const rejected: readonly (readonly [string, string, InvalidEmailReason])[] = [
    ['an empty string', '', 'empty'],
    ['only spaces', ' \u00A0 ', 'empty'],
    ['empty brackets', 'Anna <>', 'empty'],
    ['a bare mailto:', 'mailto:', 'empty'],
    ['a space inside', 'anna berg@org.se', 'contains-space'],
    ['two addresses', 'anna@org.se; bo@org.se', 'contains-space'],
    ['two addresses without space', 'anna@org.se,bo@org.se', 'invalid-character'],
    ['an unclosed bracket', '<anna@org.se', 'invalid-character'],
    ['no @', 'anna.org.se', 'missing-at'],
    ['two @', 'anna@berg@org.se', 'several-at'],
    ['nothing before @', '@org.se', 'empty-local-part'],
    ['a domain without a dot', 'anna@localhost', 'invalid-domain'],
    ['nothing after @', 'anna@', 'invalid-domain'],
    ['a domain ending in a dot', 'anna@org.se.', 'invalid-domain'],
    ['a domain starting with a dot', 'anna@.se', 'invalid-domain'],
    ['two dots in a row', 'anna@org..se', 'invalid-domain'],
  ];
  it.each(rejected)('rejects %s', (_, raw, reason) => {
    expect(normaliseEmail(raw)).toBeNull();
    expect(parseEmail(raw)).toEqual({ ok: false, reason });
  });

  it('is idempotent on what it returns', () => {
    for (const [, raw] of accepted) {
      const once = normaliseEmail(raw);
      expect(once === null ? null : normaliseEmail(once)).toBe(once);
    }
  });

  it('explains every reason in Swedish and English', () => {
    for (const [, , reason] of rejected) {
      const text = describeInvalidEmail(reason);
      expect(text.sv).not.toBe('');
      expect(text.en).not.toBe('');
      expect(text.sv).not.toBe(text.en);
    }
  });
});
