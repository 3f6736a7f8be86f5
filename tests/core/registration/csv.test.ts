/** The ledger and the organisation summary as CSV for Swedish Excel, with formulas neutralised. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  isFormulaLike,
  ledgerCsv,
  neutraliseFormula,
  organisationsCsv,
  REGISTRATION_STATUSES,
  statusWord,
  type PersonStatus,
  type RegistrationStatus,
} from '../../../src/core/registration';

function personStatus(fields: Partial<PersonStatus> & Pick<PersonStatus, 'email'>): PersonStatus {
  return {
    name: null,
    organisation: null,
    status: 'received',
    source: 'ledger',
    registeredAt: '2023-11-20T08:00:00Z',
    entryIds: ['reg-1'],
    response: null,
    holdsSeat: true,
    overCapacity: false,
    waitlistPosition: null,
    ...fields,
  };
}

const parseCsv = (text: string): string[][] => parse(text, { bom: true, delimiter: ';', relax_column_count: false });

describe('ledgerCsv', () => {
  const people = [
    personStatus({ email: 'sofia@raddabarnen.example', name: 'Sofia Lindqvist', organisation: 'Rädda Barnen' }),
    personStatus({
      email: 'bo@lsu.example',
      name: 'Bo "Bosse" Ek',
      organisation: 'LSU; Sveriges ungdomsorganisationer',
      status: 'accepted',
      registeredAt: '2023-06-01T07:05:00Z',
    }),
    personStatus({ email: 'guest@y.example', status: 'invited', source: 'attendee-only', registeredAt: null, entryIds: [] }),
  ];

  it('writes UTF-8 with BOM, ; between fields, CRLF, Swedish headers, status words and Stockholm times', () => {
    expect(ledgerCsv(people, 'sv', 'Europe/Stockholm')).toBe(
      '\uFEFFNamn;Organisation;E-post;Status;Anmäld\r\n' +
        'Sofia Lindqvist;Rädda Barnen;sofia@raddabarnen.example;anmäld;2023-11-20 09:00\r\n' +
        '"Bo ""Bosse"" Ek";"LSU; Sveriges ungdomsorganisationer";bo@lsu.example;tackat ja;2023-06-01 09:05\r\n' +
        ';;guest@y.example;inbjuden;\r\n',
    );
  });

  it('writes English headers and words in English', () => {
    const text = ledgerCsv(people, 'en', 'Europe/Stockholm');
    expect(text.startsWith('\uFEFFName;Organisation;E-mail;Status;Registered\r\n')).toBe(true);
    expect(parseCsv(text).map((row) => row[3])).toEqual(['Status', 'registered', 'accepted', 'invited']);
  });

  it('reads back through a CSV parser field for field', () => {
    expect(parseCsv(ledgerCsv(people, 'sv', 'Europe/Stockholm'))).toEqual([
      ['Namn', 'Organisation', 'E-post', 'Status', 'Anmäld'],
      ['Sofia Lindqvist', 'Rädda Barnen', 'sofia@raddabarnen.example', 'anmäld', '2023-11-20 09:00'],
      ['Bo "Bosse" Ek', 'LSU; Sveriges ungdomsorganisationer', 'bo@lsu.example', 'tackat ja', '2023-06-01 09:05'],
      ['', '', 'guest@y.example', 'inbjuden', ''],
    ]);
  });

  it('has a word for every status in both languages', () => {
    const words = (language: 'sv' | 'en'): string[] => REGISTRATION_STATUSES.map((s) => statusWord(s, language));
    expect(words('sv')).toEqual(['anmäld', 'inbjuden', 'tackat ja', 'preliminärt', 'tackat nej', 'avanmäld', 'väntelista']);
    expect(words('en')).toEqual(['registered', 'invited', 'accepted', 'tentative', 'declined', 'cancelled', 'waitlisted']);
  });

  it('refuses an unknown time zone with the core’s bilingual error', () => {
    expect(() => ledgerCsv(people, 'sv', 'Europe/Atlantis')).toThrow(/Unknown time zone/);
  });

  it('keeps script payloads as inert text and neutralises a formula from a name', () => {
    const hostile = personStatus({
      email: 'x@evil.example',
      name: '=HYPERLINK("http://x";"klicka")',
      organisation: '<script>alert(1)</script>',
    });
    const [, row] = parseCsv(ledgerCsv([hostile], 'en', 'Europe/Stockholm'));
    expect(row).toEqual([
      '\'=HYPERLINK("http://x";"klicka")',
      '<script>alert(1)</script>',
      'x@evil.example',
      'registered',
      '2023-11-20 09:00',
    ]);
  });
});

describe('formula neutralising', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+46 8 405 10 00', "'+46 8 405 10 00"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['\t=1', "'\t=1"],
    ['\tAnna', "'\tAnna"],
    ['\r=1', '"\'\r=1"'],
    ['\nAnna', '"\'\nAnna"'],
    ['  =1', "'  =1"],
    ['\u00a0+1', "'\u00a0+1"],
    ['\u3000@x', "'\u3000@x"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['Anna-Karin Berg', 'Anna-Karin Berg'],
    ['a=1', 'a=1'],
    ["'=1", "'=1"],
    ['', ''],
    ['Rädda Barnen', 'Rädda Barnen'],
    ['anna@x.se', 'anna@x.se'],
    ['a;b', '"a;b"'],
  ])('%j is written as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
    expect(neutraliseFormula(value).startsWith("'")).toBe(isFormulaLike(value) || value.startsWith("'"));
  });
});

describe('organisationsCsv', () => {
  const zero: Record<RegistrationStatus, number> = {
    received: 0,
    invited: 0,
    accepted: 0,
    tentative: 0,
    declined: 0,
    cancelled: 0,
    waitlisted: 0,
  };
  const groups = [
    { organisation: 'Rädda Barnen', totals: { ...zero, accepted: 2, declined: 1 } },
    { organisation: '-Minus förening', totals: { ...zero, waitlisted: 3 } },
    { organisation: null, totals: { ...zero, received: 1 } },
  ];

  it('writes one row per organisation with a count per status and a total, in Swedish', () => {
    expect(organisationsCsv(groups, 'sv')).toBe(
      '\uFEFFOrganisation;Anmälda;Inbjudna;Tackat ja;Preliminärt;Tackat nej;Avanmälda;Väntelista;Totalt\r\n' +
        'Rädda Barnen;0;0;2;0;1;0;0;3\r\n' +
        "'-Minus förening;0;0;0;0;0;0;3;3\r\n" +
        '(ingen organisation);1;0;0;0;0;0;0;1\r\n',
    );
  });

  it('and in English, reading back through a CSV parser', () => {
    expect(parseCsv(organisationsCsv(groups, 'en'))).toEqual([
      ['Organisation', 'Registered', 'Invited', 'Accepted', 'Tentative', 'Declined', 'Cancelled', 'Waitlisted', 'Total'],
      ['Rädda Barnen', '0', '0', '2', '0', '1', '0', '0', '3'],
      ["'-Minus förening", '0', '0', '0', '0', '0', '0', '3', '3'],
      ['(no organisation)', '1', '0', '0', '0', '0', '0', '0', '1'],
    ]);
  });

  it('writes only the header for no organisations', () => {
    expect(parseCsv(organisationsCsv([], 'sv'))).toHaveLength(1);
  });
});
