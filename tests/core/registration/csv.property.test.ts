/**
 * Any text — quotes, separators, line breaks, any Unicode, script and formula payloads — goes through the CSV and a
 * CSV parser unchanged, except for the apostrophe that neutralises a formula; and no cell a spreadsheet reads can
 * start a formula.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFormulaLike,
  ledgerCsv,
  organisationsCsv,
  REGISTRATION_STATUSES,
  type PersonStatus,
  type RegistrationStatus,
} from '../../../src/core/registration';

const parseCsv = (text: string): string[][] => parse(text, { bom: true, delimiter: ';', relax_column_count: false });

const PAYLOADS = [
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '=HYPERLINK("http://x";"klicka här")',
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+1;=2',
  ' -1',
  '\t=1',
  '\r\n=1',
  '"=1"',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\uFEFF=1',
];

const tricky = fc.string({
  unit: fc.constantFrom(
    ';',
    '"',
    '\r',
    '\n',
    '\t',
    ' ',
    '\u00a0',
    '=',
    '+',
    '-',
    '@',
    "'",
    ',',
    'a',
    'Å',
    'ö',
    '😀',
    '\u0000',
    '\u2028',
  ),
  maxLength: 12,
});

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), tricky, fc.constantFrom(...PAYLOADS));

/** Independently of the implementation: a cell a spreadsheet would take as a formula. */
function dangerous(cell: string): boolean {
  return /^[\t\r\n]/.test(cell) || /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(cell);
}

function unneutralised(cell: string, original: string): string {
  return isFormulaLike(original) ? cell.slice(1) : cell;
}

describe('CSV round trip, property-based', () => {
  it('gives back every field of the ledger exactly, and no cell starts a formula', () => {
    const row = fc.record({
      name: fc.option(text, { nil: null }),
      organisation: fc.option(text, { nil: null }),
      email: text,
      status: fc.constantFrom(...REGISTRATION_STATUSES),
      minute: fc.nat(60 * 24 * 365),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom('sv' as const, 'en' as const), (rows, language) => {
        const people: PersonStatus[] = rows.map((r) => ({
          email: r.email,
          name: r.name,
          organisation: r.organisation,
          status: r.status,
          source: 'ledger',
          registeredAt: new Date(Date.UTC(2023, 0, 1) + r.minute * 60_000).toISOString(),
          entryIds: [],
          response: null,
          holdsSeat: false,
          overCapacity: false,
          waitlistPosition: null,
        }));
        const csv = ledgerCsv(people, language, 'Europe/Stockholm');
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv.endsWith('\r\n')).toBe(true);
        const parsed = parseCsv(csv);
        expect(parsed).toHaveLength(people.length + 1);
        parsed.slice(1).forEach((cells, i) => {
          const r = rows[i];
          if (r === undefined) throw new Error('row missing');
          expect(cells).toHaveLength(5);
          const [name, organisation, email] = cells as [string, string, string];
          expect(unneutralised(name, r.name ?? '')).toBe(r.name ?? '');
          expect(unneutralised(organisation, r.organisation ?? '')).toBe(r.organisation ?? '');
          expect(unneutralised(email, r.email)).toBe(r.email);
          expect(cells[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        });
        for (const cell of parsed.flat()) expect(dangerous(cell) && !cell.startsWith("'")).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back every organisation name and count', () => {
    const group = fc.record({
      organisation: fc.option(text, { nil: null }),
      totals: fc.record<Record<RegistrationStatus, number>>({
        received: fc.nat(1000),
        invited: fc.nat(1000),
        accepted: fc.nat(1000),
        tentative: fc.nat(1000),
        declined: fc.nat(1000),
        cancelled: fc.nat(1000),
        waitlisted: fc.nat(1000),
      }),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 6 }), (groups) => {
        const parsed = parseCsv(organisationsCsv(groups, 'sv'));
        expect(parsed).toHaveLength(groups.length + 1);
        parsed.slice(1).forEach((cells, i) => {
          const g = groups[i];
          if (g === undefined) throw new Error('group missing');
          const [organisation, ...counts] = cells as [string, ...string[]];
          if (g.organisation === null) expect(organisation).toBe('(ingen organisation)');
          else expect(unneutralised(organisation, g.organisation)).toBe(g.organisation);
          const numbers = REGISTRATION_STATUSES.map((s) => g.totals[s]);
          expect(counts).toEqual([...numbers, numbers.reduce((a, b) => a + b, 0)].map(String));
        });
      }),
    );
  });
});
