/**
 * The triage's parts, table by table: text repair and cleaning, addresses in prose, names, signatures, quotes and
 * forwards, and organisations (variants of known names, domains). Each is a rule the whole triage relies on.
 */
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../../../src/core/registration/email';
import { splitQuoted } from '../../../../src/core/registration/triage/forwarded';
import { chooseName, isPersonName, nameFromAddress, parseDisplayName } from '../../../../src/core/registration/triage/names';
import { isPublicMailDomain, organisationDirectory } from '../../../../src/core/registration/triage/organisations';
import { findSignature } from '../../../../src/core/registration/triage/signature';
import {
  bodyLines,
  cleanName,
  decodeQuotedPrintableRemnants,
  findAddresses,
  normaliseText,
  repairMojibake,
} from '../../../../src/core/registration/triage/text';
import { SEED_ORGANISATIONS } from '../../../../sandbox/seed/people';

const SEED_NAMES = Object.values(SEED_ORGANISATIONS).map((o) => o.name);
const seedDirectory = organisationDirectory(SEED_NAMES);

describe('text repair', () => {
  it.each([
    ['Sj=C3=B6berg', 'Sjöberg'],
    ['samr=C3=A5det=\n den 12 december', 'samrådet den 12 december'],
    ['G=C3=B6ran =C3=85kesson', 'Göran Åkesson'],
    ['anm=E4ler mig=\r\n till samr=E5det', 'anmäler mig till samrådet'],
    ['x=20y and 2+2=4', 'x=20y and 2+2=4'],
  ])('quoted-printable remnants: %j → %j', (input, output) => {
    expect(decodeQuotedPrintableRemnants(input)).toBe(output);
  });

  it.each([
    ['NystrÃ¶m', 'Nyström'],
    ['anmÃ¤ler mig till samrÃ¥det', 'anmäler mig till samrådet'],
    ['Ã…sa', 'Åsa'],
    ['â€“ Karin Ek', '– Karin Ek'],
    ['Ã', 'Ã'],
    ['Öberg”', 'Öberg”'],
  ])('UTF-8 read as Windows-1252: %j → %j', (input, output) => {
    expect(repairMojibake(input)).toBe(output);
  });

  it('normalises line ends, spaces and invisible characters, and composes decomposed letters', () => {
    expect(normaliseText('A\r\nB\rC\u2028D')).toBe('A\nB\nC\nD');
    expect(normaliseText('Jag\u00a0vill\u202fdelta\u200b!\u202e')).toBe('Jag vill delta!');
    expect(normaliseText('A\u0000B\u0007C\tD')).toBe('ABC\tD');
    expect(normaliseText('Märta'.normalize('NFD'))).toBe('Märta');
  });

  it('reads HTML as text, never its scripts, styles or attributes', () => {
    const { lines } = bodyLines({
      bodyText: null,
      bodyHtml:
        '<html><head><style>p{}</style><title>T</title></head><body><p>Hej</p><script>alert(1)</script><SCRIPT >x()</SCRIPT>' +
        '<img src=x onerror="alert(2)"><p>Anna <b onmouseover="y()">Berg</b></p><a href="javascript:z()">länk</a></body></html>',
    });
    expect(lines).toEqual(['Hej', 'Anna Berg', 'länk']);
  });

  it('reads an unclosed script as hidden to the end, as a browser does', () => {
    expect(bodyLines({ bodyText: null, bodyHtml: '<p>Hej</p><script>alert(1)<p>Anna</p>' }).lines).toEqual(['Hej']);
  });

  it('decodes entities in plain text and keeps its blank lines', () => {
    expect(bodyLines({ bodyText: 'Hej!\r\n\r\nH&auml;lsningar\r\nSofie &Ouml;stberg', bodyHtml: null }).lines).toEqual([
      'Hej!',
      '',
      'Hälsningar',
      'Sofie Östberg',
    ]);
  });

  it('says when a body was too long to read whole', () => {
    expect(bodyLines({ bodyText: 'a'.repeat(70_000), bodyHtml: null }).truncated).toBe(true);
    expect(bodyLines({ bodyText: 'Hej', bodyHtml: null }).truncated).toBe(false);
  });

  it.each([
    ['<b>Anna</b> Berg', 'Anna Berg'],
    ['"><script>alert(1)</script>Anna', 'alert(1) Anna'],
    ['<img src=x onerror=alert(1)>', ''],
    ['Anna <Berg', 'Anna Berg'],
    ['Anna < Berg >', 'Anna'],
    ['  – Anna Berg, ', 'Anna Berg'],
    ['Anna\u0000 \u202eBerg', 'Anna Berg'],
    ['Anna &amp; Bo', 'Anna & Bo'],
    ['A'.repeat(500), 'A'.repeat(100)],
  ])('cleanName(%j) → %j: no markup, no controls, bounded', (input, output) => {
    expect(cleanName(input)).toBe(output);
  });
});

describe('addresses in running text', () => {
  it.each([
    ['Kontakta anna.berg@org.se, eller bo@x.se.', ['anna.berg@org.se', 'bo@x.se']],
    ['Anna Berg <Anna.Berg@Org.SE>', ['anna.berg@org.se']],
    ['mailto:anna@x.se?subject=Hej', ['anna@x.se']],
    ['[mailto:anna@x.se]', ['anna@x.se']],
    ['skriv till a@b eller anna@localhost', []],
    ['@@@ a@@b.se', []],
    ['åsa.öberg@förening.se', ['åsa.öberg@förening.se']],
  ])('%j → %j', (text, expected) => {
    expect(findAddresses(text, normaliseEmail).map((a) => a.email)).toEqual(expected);
  });

  it('gives where each address is written', () => {
    const text = 'Karin Ek, karin.ek@socialforum.example';
    const [found] = findAddresses(text, normaliseEmail);
    expect(text.slice(found?.start, found?.end)).toBe('karin.ek@socialforum.example');
  });
});

describe('names', () => {
  it.each([
    ['Sofia Lindqvist', true],
    ['Åsa Öberg-Ñúñez', true],
    ['Nour Al-Khatib', true],
    ['Anna von Berg', true],
    ['Ebba', true],
    ['Med vänliga hälsningar', false],
    ['Policyansvarig', false],
    ['Programme Officer', false],
    ['Sveriges Kommuner och Regioner', false],
    ['Föreningen Gröna Gårdar', false],
    ['070-174 06 12', false],
    ['anna@x.se', false],
    ['Jag anmäler mig', false],
    ['Skickat från min iPhone', false],
  ])('isPersonName(%j) is %s', (text, expected) => {
    expect(isPersonName(text)).toBe(expected);
  });

  it('does not take a known organisation for a person', () => {
    expect(isPersonName('Rädda Barnen')).toBe(true);
    expect(isPersonName('Rädda Barnen', seedDirectory.isKnown)).toBe(false);
  });

  it.each([
    ['Sofia Lindqvist', { name: 'Sofia Lindqvist', extra: null }],
    ['Berg, Anna', { name: 'Anna Berg', extra: null }],
    ['Elin Björk (Sveriges Konsumenter)', { name: 'Elin Björk', extra: 'Sveriges Konsumenter' }],
    ['Gunilla Persson | Hela Sverige ska leva', { name: 'Gunilla Persson', extra: 'Hela Sverige ska leva' }],
    ['Anna Berg - RFSL', { name: 'Anna Berg', extra: 'RFSL' }],
    ['Anna Berg, Rädda Barnen', { name: 'Anna Berg', extra: 'Rädda Barnen' }],
    ['Anna Berg via Samråd', { name: 'Anna Berg', extra: null }],
    ['kristoffer.aberg@dataskydd.example', { name: null, extra: null }],
    ['<img src=x onerror=alert(1)>', { name: null, extra: null }],
    ['', { name: null, extra: null }],
  ])('parseDisplayName(%j)', (raw, expected) => {
    expect(parseDisplayName(raw, seedDirectory.isKnown)).toEqual(expected);
  });

  it.each([
    // display, signature, stated, email → name, uncertain
    ['Sofia Lindqvist', 'Sofia Lindqvist', null, 'sofia.lindqvist@x.se', 'Sofia Lindqvist', false],
    ['Pettersson Lars', null, null, 'lars.pettersson@skr.example', 'Lars Pettersson', false],
    ['Pettersson Lars', 'Lars Pettersson', null, 'lp@skr.example', 'Lars Pettersson', false],
    ['Mattias G', 'Mattias Grahn', null, 'mattias.grahn@gmail.example', 'Mattias Grahn', false],
    [null, 'Kristoffer Åberg', null, 'kristoffer.aberg@dataskydd.example', 'Kristoffer Åberg', false],
    ['Johanna Lund', 'Johanna', null, 'johanna.lund@x.se', 'Johanna Lund', false],
    [null, null, 'Annika Blom', 'annika.blom@x.se', 'Annika Blom', false],
    [null, null, null, 'nora.lindgren@bris.example', 'Nora Lindgren', true],
    ['Nora', null, null, 'nora@bris.example', 'Nora', true],
  ] as const)('chooseName(%j, %j, %j, %j) → %j', (display, signature, stated, email, name, uncertain) => {
    const choice = chooseName({ display, signature, stated }, email, display ?? '');
    expect({ name: choice.name, uncertain: choice.uncertain }).toEqual({ name, uncertain });
  });

  it('notes a signature that names someone else than the From line', () => {
    expect(chooseName({ display: 'Anna Berg', signature: 'Bo Ek', stated: null }, 'anna@x.se', 'Anna Berg').conflicting).toBe(
      true,
    );
  });

  it.each([
    ['anna.berg@x.se', 'Anna Berg'],
    ['anna-karin.berg@x.se', 'Anna-Karin Berg'],
    ['anna_berg@x.se', 'Anna Berg'],
    ['info@x.se', null],
    ['a.b@x.se', null],
    ['anna.berg2@x.se', null],
  ])('nameFromAddress(%j) → %j', (email, name) => {
    expect(nameFromAddress(email)).toBe(name);
  });
});

describe('signatures', () => {
  it.each([
    [
      ['Hej!', '', 'Jag anmäler mig.', '', 'Med vänlig hälsning', '', 'Sofia Lindqvist', 'Policyrådgivare', 'Rädda Barnen'],
      'Sofia Lindqvist',
    ],
    [['Anmäler mig till samrådet.', '', 'Mvh Henrik'], 'Henrik'],
    [['Jag anmäler mig.', 'Hälsningar', 'Ebba', '--', 'Ebba Lind', 'Påverkansansvarig | LSU'], 'Ebba Lind'],
    [['hej', '', 'jag vill anmäla mig', '', '--', 'Kristoffer Åberg', 'Dataskydd.net'], 'Kristoffer Åberg'],
    [['Jag vill anmäla mig.', '', '/Mattias Grahn', 'Styrelseledamot, Open Knowledge Sverige'], 'Mattias Grahn'],
    [['Hej, jag anmäler mig.', '', '/Jonas'], 'Jonas'],
    [['Hej!', '', 'Jag anmäler mig gärna till samrådet!', '', 'Sara Viklund', 'Open Knowledge Sverige'], 'Sara Viklund'],
    [
      [
        'Hej',
        'Jag vill anmäla mig.',
        'Tack på förhand!',
        '',
        'Nour Al-Khatib',
        'Svenska Röda Korset',
        '',
        'Skickat från min iPhone',
      ],
      'Nour Al-Khatib',
    ],
    [
      ['Dear Maria,', 'I would like to register.', 'Best regards,', 'Leyla Yilmaz | Programme Officer | Civil Rights Defenders'],
      'Leyla Yilmaz',
    ],
    [
      ['Hej!', 'Jag anmäler mig.', 'Med vänlig hälsning', 'Elin Björk Utredare\tSveriges Konsumenter 08-465 004 23'],
      'Elin Björk',
    ],
    [['Med vänlig hälsning / Kind regards', 'Erik Magnusson', 'Rådgivare, Svenska Röda Korset'], 'Erik Magnusson'],
  ])('%j is signed by %j', (lines, name) => {
    expect(findSignature(lines, seedDirectory.isKnown)?.name).toBe(name);
  });

  it('finds none in a mail that is all message', () => {
    expect(
      findSignature(
        ['Tack för inbjudan! Jag vill gärna delta i samrådet om OGP-handlingsplanen den 12 december.'],
        seedDirectory.isKnown,
      ),
    ).toBeNull();
  });
});

describe('quotes and forwards', () => {
  const organiser = (email: string): boolean => email === 'maria.envall@regeringskansliet.example';

  it('reads the writer of an Outlook forward (VB:) from its header', () => {
    const lines = [
      'Hej, vidarebefordrar.',
      '',
      '________________________________',
      'Från: Lina Holm <lina.holm@naturskyddsforeningen.example>',
      'Skickat: den 29 november 2023 16:02',
      'Till: Info <info@x.example>',
      'Ämne: Anmälan',
      '',
      'Jag vill anmäla mig.',
      'Lina Holm',
    ];
    const parts = splitQuoted(lines, true, organiser);
    expect(parts.own).toEqual(['Hej, vidarebefordrar.']);
    expect(parts.forwarded).toEqual({
      from: { name: 'Lina Holm', email: 'lina.holm@naturskyddsforeningen.example' },
      subject: 'Anmälan',
      lines: ['Jag vill anmäla mig.', 'Lina Holm'],
    });
  });

  it('cuts the same header block off as a quote when the subject says reply (SV:)', () => {
    const lines = [
      'Jag kan tyvärr inte.',
      '________________________________',
      'Från: Ingrid <ingrid@x.example>',
      'Skickat: igår',
      'Ämne: Anmälan',
      '',
      'Jag vill delta.',
    ];
    expect(splitQuoted(lines, false, organiser)).toEqual({ own: ['Jag kan tyvärr inte.'], forwarded: null, quotedReply: true });
  });

  it('never takes the organiser’s own quoted mail (the invitation) for a forwarded registration', () => {
    const lines = [
      'Anmäler mig!',
      '---------- Forwarded message ---------',
      'From: Maria Envall <maria.envall@regeringskansliet.example>',
      'Date: x',
      '',
      'Anmälan: till maria.envall@regeringskansliet.example',
    ];
    expect(splitQuoted(lines, true, organiser).forwarded).toBeNull();
  });

  it.each([
    [
      [
        'Hej, se nedan!',
        '',
        '---------- Vidarebefordrat meddelande ---------',
        'Från: Maria Sjö <maria.sjo@x.example>',
        'Date: tis 5 mars 2024',
        'Subject: Anmälan',
        'To: Jonas <j@x.example>',
        '',
        'Jag vill delta.',
      ],
      'maria.sjo@x.example',
    ],
    [
      [
        'Till dig!',
        '',
        'Början av vidarebefordrat meddelande:',
        '',
        'Från: Rut Ahmadi <rut@x.example>',
        'Ämne: Vill delta',
        'Datum: 4 mars 2024',
        '',
        'Jag vill delta.',
      ],
      'rut@x.example',
    ],
    [
      [
        'FYI',
        '-----Original Message-----',
        'From: Tom Reed [mailto:tom@x.example]',
        'Sent: Monday',
        'Subject: Registration',
        '',
        'I would like to register.',
      ],
      'tom@x.example',
    ],
    [
      ['FYI', '---------- Forwarded message ---------', 'From: *Kim Lee* <kim@x.example>', 'Date: Mon', '', 'Register me.'],
      'kim@x.example',
    ],
  ])('reads the forwarded writer of %j', (lines, email) => {
    expect(splitQuoted(lines, true, organiser).forwarded?.from?.email).toBe(email);
  });

  it.each([
    [
      ['Jag måste lämna återbud.', '', 'Den tis 5 mars 2024 kl 10:12 skrev Anna Berg <anna@x.example>:', '> Jag anmäler mig.'],
      ['Jag måste lämna återbud.'],
    ],
    [
      ['I cannot attend.', 'On Tue, Mar 5, 2024 at 10:12 AM Anna <anna@x.example> wrote:', '> I would like to register.'],
      ['I cannot attend.'],
    ],
    [['Ja!', '> Vill du delta?'], ['Ja!']],
  ])('cuts a reply’s quote: %j', (lines, own) => {
    const parts = splitQuoted(lines, false, organiser);
    expect(parts.own).toEqual(own);
    expect(parts.quotedReply).toBe(true);
  });
});

describe('organisations', () => {
  it.each([
    ['Sveriges Kommuner och Regioner', 'Sveriges Kommuner och Regioner', 'name'],
    ['Min kollega, vi blir två från SKR.', 'Sveriges Kommuner och Regioner', 'short-form'],
    ['Sakkunnig antikorruption, TI Sverige', 'Transparency International Sverige', 'short-form'],
    ['Funktionsrätt', 'Funktionsrätt Sverige', 'leading-words'],
    ['Studieförbunden', 'Studieförbunden i samverkan', 'leading-words'],
    ['Amnesty International, svenska sektionen', 'Amnesty International Sverige', 'leading-words'],
    ['jobbar med demokratifrågor på LSU', 'LSU – Sveriges ungdomsorganisationer', 'short-form'],
    ['Forum - idéburna organisationer med social inriktning', 'Forum – idéburna organisationer med social inriktning', 'name'],
    ['Famna – Riksorganisationen för idéburen vård och omsorg', 'Famna', 'name'],
    ['Sveriges Dövas Riksförbund (SDR)', 'Sveriges Dövas Riksförbund', 'name'],
    ['RÄDDA BARNEN', 'Rädda Barnen', 'name'],
    ['Dataskydd.net', 'Dataskydd.net', 'name'],
  ])('finds %j as %j (%s)', (text, name, how) => {
    expect(seedDirectory.find(text)[0]).toMatchObject({ name, how });
  });

  it.each(['ett forum för dialog', 'svenska sektionen', 'Svenska', 'Sveriges', 'famna hela frågan', 'Open', 'TI', 'skr'])(
    'finds nothing in %j: ordinary words, generic leading words and lower-case short forms are not organisations',
    (text) => {
      expect(seedDirectory.find(text)).toEqual([]);
    },
  );

  it('finds each organisation once, in order, the longest name at a place', () => {
    expect(seedDirectory.find('Sveriges Kommuner och Regioner (SKR) och Rädda Barnen, SKR igen').map((h) => h.name)).toEqual([
      'Sveriges Kommuner och Regioner',
      'Rädda Barnen',
    ]);
  });

  it.each(Object.values(SEED_ORGANISATIONS).map((o) => [o.domain, o.name] as const))(
    'knows %s as %s, or says it cannot tell',
    (domain, name) => {
      const found = seedDirectory.ofDomain(domain);
      // Two of the seed's domains cannot be derived from the names ("okfn", "socialforum", "sjf"): those are learnt.
      if (found !== null) expect(found).toEqual({ name, how: 'known' });
    },
  );

  it('derives most domains from the names alone', () => {
    const derived = Object.values(SEED_ORGANISATIONS).filter((o) => seedDirectory.ofDomain(o.domain)?.name === o.name);
    expect(derived.length).toBeGreaterThanOrEqual(20);
  });

  it('uses the domains learnt from the mails, for sub-domains too', () => {
    const learnt = organisationDirectory(SEED_NAMES, new Map([['okfn-sverige.example', 'Open Knowledge Sverige']]));
    expect(learnt.ofDomain('okfn-sverige.example')).toEqual({ name: 'Open Knowledge Sverige', how: 'learnt' });
    expect(learnt.ofDomain('mail.okfn-sverige.example')).toEqual({ name: 'Open Knowledge Sverige', how: 'learnt' });
  });

  it.each(['gmail.com', 'gmail.example', 'hotmail.se', 'outlook.com', 'icloud.com', 'telia.com', 'protonmail.com'])(
    'never reads an organisation from the free mail domain %s',
    (domain) => {
      expect(isPublicMailDomain(domain)).toBe(true);
      expect(organisationDirectory(['Gmail Users Association'], new Map([[domain, 'X']])).ofDomain(domain)).toBeNull();
    },
  );

  it('says nothing when a domain fits two organisations equally', () => {
    expect(organisationDirectory(['Forum Syd', 'Forum Norr']).ofDomain('forum.example')).toBeNull();
  });

  it('drops a short form two organisations share', () => {
    const directory = organisationDirectory(['Svenska Kyrkans Rådgivning', 'Sveriges Kommuner och Regioner']);
    expect(directory.find('SKR')).toEqual([]);
  });
});
