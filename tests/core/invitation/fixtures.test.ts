/**
 * Invitations of the same genre as the seed, written for these tests in other layouts: one table row each with
 * the draft the importer must give. Between them they cover the headings, label layouts, date and time forms,
 * question and bullet styles, programme shapes and text encodings that ministries' invitations use.
 */
import { describe, expect, it } from 'vitest';
import type { Location } from '../../../src/core/consultation/schema';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { importInvitation } from '../../../src/core/invitation';
import { agendaView, readFixture, type PartView, type QuestionView } from './support';

interface Expected {
  readonly file: string;
  /** What the layout of this invitation exercises, for whoever reads a failure. */
  readonly covers: string;
  readonly title: string;
  readonly department: string;
  readonly start: string;
  readonly end: string;
  readonly location: Location | null;
  readonly email: string | null;
  readonly deadline: string | null;
  readonly capacity: number | null;
  readonly waitlist: boolean;
  readonly parts: readonly PartView[];
  readonly questions: readonly QuestionView[];
  readonly commitments: readonly string[];
  readonly description: readonly string[];
  readonly background: readonly string[];
  readonly purpose: readonly string[];
  readonly practicalInformation: readonly string[];
  /** Fields the review report must flag (it may flag more, e.g. items without presenters). */
  readonly review: readonly string[];
}

const CASES: readonly Expected[] = [
  {
    file: 'psykisk-halsa-2024-05-14.txt',
    covers:
      'paragraphs separated by blank lines; "Tid och datum" and "Plats" as headings over their values; "tisdagen den 14 maj 2024"; "kl 9–12"; summer time; "Program" with rows without end times; "Diskussionsfrågor" with "Fråga 1:"; "Anmälan" heading; "Anmälan senast:"; "Antal platser: 40"; waitlist; "•" bullets',
    title: 'Samråd om genomförandet av strategin för psykisk hälsa och suicidprevention',
    department: 'Socialdepartementet',
    start: '2024-05-14T09:00:00+02:00',
    end: '2024-05-14T12:00:00+02:00',
    location: { kind: 'place', address: 'Regeringskansliet, Fredsgatan 8, Stockholm' },
    email: 'karin.holmberg@regeringskansliet.se',
    deadline: '2024-04-30T23:59:00+02:00',
    capacity: 40,
    waitlist: true,
    parts: [
      {
        title: 'Program',
        items: [
          { title: 'Välkommen och inledning', presenters: ['Socialdepartementet'], duration: 15, questions: [] },
          { title: 'Strategins målområden och tidsplan', presenters: ['Folkhälsomyndigheten'], duration: 30, questions: [] },
          { title: 'Kaffe', presenters: [], duration: 20, questions: [] },
          { title: 'Diskussion i mindre grupper', presenters: [], duration: 85, questions: [1, 2, 3] },
          // No end time and no next row: it lasts until the meeting's stated end, 12.00.
          { title: 'Återrapportering och avslutning', presenters: [], duration: 30, questions: [] },
        ],
      },
    ],
    questions: [
      { number: 1, text: 'Vilka målområden bör prioriteras under de första åren?', item: 'Diskussion i mindre grupper' },
      { number: 2, text: 'Hur kan civilsamhällets kunskap tas till vara i uppföljningen?', item: 'Diskussion i mindre grupper' },
      {
        number: 3,
        text: 'Vilka hinder ser ni för samverkan mellan kommuner, regioner och ideella organisationer?',
        item: 'Diskussion i mindre grupper',
      },
    ],
    commitments: [],
    description: [
      'Socialdepartementet bjuder in organisationer i det civila samhället till ett samråd om hur den nationella strategin för psykisk hälsa och suicidprevention ska genomföras under de kommande åren.',
    ],
    background: [
      'Regeringen beslutade i januari 2024 om en nationell strategi för psykisk hälsa och suicidprevention. Strategin sträcker sig till och med 2034 och omfattar elva målområden.',
      'Ideella organisationer har en viktig roll i arbetet, både som röst för de grupper de företräder och som utförare av stöd. Regeringen vill därför att civilsamhällets erfarenheter tas till vara redan när genomförandet planeras.',
    ],
    purpose: [
      'Syftet med samrådet är att inhämta synpunkter på hur genomförandet bör prioriteras och hur uppföljningen kan utformas så att den speglar erfarenheterna hos dem som berörs.',
    ],
    practicalInformation: [
      'Anmäl dig till karin.holmberg@regeringskansliet.se och ange namn, organisation och eventuella behov av anpassningar.',
      '• Lokalen är tillgänglig för rullstol.',
      '• Kaffe serveras under förmiddagen.',
      '• Samrådet hålls på svenska; tolkning till teckenspråk kan beställas vid anmälan.',
    ],
    review: ['agenda.parts[0].items[2].presenters'],
  },
  {
    file: 'cirkular-ekonomi-2024-11-07.txt',
    covers:
      'PDF-style text: a blank line after every line, soft breaks, a word hyphenated at the margin, "2025–" + "2027"; "Datum:" and "Tid:" on separate label lines; "7 november 2024"; "kl. 13.00-14.30"; "Dagordning" with "13.00–13.15 Inledning" rows; presenters after a dash, one row across a soft break; questions "1." under the discussion row; "högst 60 deltagare"',
    title: 'Samråd om den nationella handlingsplanen för cirkulär ekonomi 2025–2027',
    department: 'Klimat- och näringslivsdepartementet',
    start: '2024-11-07T13:00:00+01:00',
    end: '2024-11-07T14:30:00+01:00',
    location: {
      kind: 'online',
      platform: 'Microsoft Teams',
      note: 'Microsoft Teams. En länk skickas ut till anmälda deltagare dagen före mötet.',
    },
    email: 'johan.berg@regeringskansliet.se',
    deadline: '2024-10-24T23:59:00+02:00',
    capacity: 60,
    waitlist: false,
    parts: [
      {
        title: 'Dagordning',
        items: [
          { title: 'Inledning', presenters: ['Klimat- och näringslivsdepartementet'], duration: 15, questions: [] },
          { title: 'Presentation av förslaget', presenters: ['Naturvårdsverket', 'Tillväxtverket'], duration: 30, questions: [] },
          { title: 'Diskussion', presenters: [], duration: 35, questions: [1, 2, 3] },
          { title: 'Sammanfattning och nästa steg', presenters: [], duration: 10, questions: [] },
        ],
      },
    ],
    questions: [
      { number: 1, text: 'Vilka av de föreslagna åtgärderna är viktigast för er organisation?', item: 'Diskussion' },
      { number: 2, text: 'Vilka åtgärder saknas i förslaget?', item: 'Diskussion' },
      { number: 3, text: 'Hur kan civilsamhällets organisationer bidra när handlingsplanen genomförs?', item: 'Diskussion' },
    ],
    commitments: [],
    description: [],
    background: [
      'Regeringen gav i december 2023 Naturvårdsverket och Tillväxtverket i uppdrag att ta fram underlag till en ny handlingsplan för cirkulär ekonomi. Underlaget har tagits fram i dialog med näringsliv, kommuner och civilsamhällets organisationer och redovisades till Klimat- och näringslivsdepartementet i juni 2024.',
      'Handlingsplanen ska gälla för perioden 2025–2027 och omfatta åtgärder inom bland annat textil, plast och byggande.',
    ],
    purpose: [
      'Syftet med samrådet är att ge civilsamhällets organisationer möjlighet att lämna synpunkter på de föreslagna åtgärderna innan handlingsplanen beslutas.',
    ],
    practicalInformation: ['Varmt välkommen!'],
    review: ['agenda.parts[0].items[3].presenters'],
  },
  {
    file: 'broadband-2024-03-05.txt',
    covers:
      'English: "Date and time", "Venue", "Registration", "Background", "Purpose", "Agenda", "Discussion questions"; "2024-03-05"; "13:00–14:30"; "-" bullets with "(10 min)" durations; a presenter after a comma; questions "1)"; seats and a waiting list in the registration text; a signature after "Kind regards,"',
    title: 'Consultation on the national broadband strategy',
    department: 'Ministry of Rural Affairs and Infrastructure',
    start: '2024-03-05T13:00:00+01:00',
    end: '2024-03-05T14:30:00+01:00',
    location: { kind: 'place', address: 'Ministry of Rural Affairs and Infrastructure, Malmtorgsgatan 3, Stockholm' },
    email: 'sara.nyberg@regeringskansliet.se',
    deadline: '2024-02-20T23:59:00+01:00',
    capacity: 50,
    waitlist: true,
    parts: [
      {
        title: 'Agenda',
        items: [
          { title: 'Welcome and introduction', presenters: [], duration: 10, questions: [] },
          {
            title: 'Presentation of the draft strategy',
            presenters: ['Swedish Post and Telecom Authority (PTS)'],
            duration: 25,
            questions: [],
          },
          { title: 'Discussion', presenters: [], duration: 45, questions: [1, 2, 3] },
          { title: 'Summary and next steps', presenters: [], duration: 10, questions: [] },
        ],
      },
    ],
    questions: [
      { number: 1, text: 'Which groups are most affected by the lack of connectivity in rural areas?', item: 'Discussion' },
      { number: 2, text: 'How should the strategy measure progress towards its goals?', item: 'Discussion' },
      { number: 3, text: 'How can civil society organisations take part in the follow-up?', item: 'Discussion' },
    ],
    commitments: [],
    description: [
      'The Ministry of Rural Affairs and Infrastructure invites civil society organisations to a consultation on the draft national broadband strategy, which sets out how every household and business can be connected by 2030.',
    ],
    background: [
      'In 2023 the Government asked the Swedish Post and Telecom Authority (PTS) to analyse why rural areas still lack fast and reliable connections. The analysis shows that the remaining gaps are concentrated in sparsely populated areas, where market-led roll-out is not profitable.',
    ],
    purpose: [
      'The purpose of the consultation is to hear how civil society organisations see the draft strategy, in particular its proposals for people in rural areas and for people who find digital services hard to use.',
    ],
    practicalInformation: [
      'The consultation is held in English and Swedish. Please tell us about any access needs when you register.',
      'Kind regards,',
      'Sara Nyberg',
      'Ministry of Rural Affairs and Infrastructure',
    ],
    review: ['agenda.parts[0].items[0].presenters'],
  },
  {
    file: 'folkbildning-2024-12-11-crlf.txt',
    covers:
      'Windows line endings and non-breaking spaces; a hard-wrapped e-mail; "Tid och plats" heading; "den 11/12" with the year from the deadline; rows "Inledning, Utbildningsdepartementet (15 min)" without bullets; questions "1)" under the discussion row; "Anmälan senast den …" as a sentence',
    title: 'Samråd om folkbildningens roll i etableringen av nyanlända',
    department: 'Utbildningsdepartementet',
    start: '2024-12-11T10:00:00+01:00',
    end: '2024-12-11T12:00:00+01:00',
    location: { kind: 'place', address: 'Utbildningsdepartementet, Drottninggatan 16, Stockholm' },
    email: 'folkbildning.samrad@regeringskansliet.se',
    deadline: '2024-11-20T23:59:00+01:00',
    capacity: null,
    waitlist: false,
    parts: [
      {
        title: 'Dagordning',
        items: [
          { title: 'Inledning', presenters: ['Utbildningsdepartementet'], duration: 15, questions: [] },
          {
            title: 'Presentation av uppdraget',
            presenters: ['Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)'],
            duration: 20,
            questions: [],
          },
          { title: 'Erfarenheter från etableringsinsatserna', presenters: ['Arbetsförmedlingen'], duration: 20, questions: [] },
          { title: 'Diskussion', presenters: [], duration: 60, questions: [1, 2] },
          { title: 'Avslutning', presenters: [], duration: 5, questions: [] },
        ],
      },
    ],
    questions: [
      { number: 1, text: 'Vilka insatser inom folkbildningen fungerar bäst för nyanlända?', item: 'Diskussion' },
      { number: 2, text: 'Vilka hinder finns för samverkan med kommunerna?', item: 'Diskussion' },
    ],
    commitments: [],
    description: [
      'Utbildningsdepartementet bjuder in folkbildningens organisationer och andra företrädare för det civila samhället till ett samråd om hur folkhögskolor och studieförbund kan stärka nyanländas etablering i Sverige.',
    ],
    background: [
      'Folkbildningen når varje år tusentals nyanlända genom kurser i svenska, samhällsorientering och föreningsliv. Regeringen vill nu se över hur insatserna kan samordnas bättre med Arbetsförmedlingen och kommunerna.',
    ],
    purpose: [],
    practicalInformation: [
      'Anmälan senast den 20 november 2024 till folkbildning.samrad@regeringskansliet.se. Ange om ni behöver tolk eller andra anpassningar.',
      'Med vänliga hälsningar',
      'Utbildningsdepartementet',
    ],
    review: ['start', 'registration.capacity'],
  },
  {
    file: 'tillgangligt-kulturliv-2024-09-19.txt',
    covers:
      '"Datum och tid:" with "torsdag 19 september 2024 kl. 14.00–16.00" (summer time); "Plats:" with a street address; deadline inside "Anmälan:"; "Syfte:" inline; "Åtaganden" with "Åtagande 1: …"; "Program" with "Del 1:"/"Del 2:" parts of "➢" bullets; a "Frågor" section whose questions go to the part\'s discussion item',
    title: 'Samråd om åtagandena i handlingsplanen för ett tillgängligt kulturliv',
    department: 'Kulturdepartementet',
    start: '2024-09-19T14:00:00+02:00',
    end: '2024-09-19T16:00:00+02:00',
    location: { kind: 'place', address: 'Kulturdepartementet, Drottninggatan 16, Stockholm' },
    email: 'kultur.samrad@regeringskansliet.se',
    deadline: '2024-09-05T23:59:00+02:00',
    capacity: null,
    waitlist: false,
    parts: [
      {
        title: 'Information',
        items: [
          { title: 'Regeringens handlingsplan', presenters: ['Kulturdepartementet'], duration: null, questions: [] },
          {
            title: 'Uppföljning av tillgängligheten i kulturlivet',
            presenters: ['Myndigheten för kulturanalys'],
            duration: null,
            questions: [],
          },
        ],
      },
      {
        title: 'Dialog',
        items: [
          { title: 'Samtal i grupper om åtagandena', presenters: [], duration: null, questions: [1, 2] },
          { title: 'Gemensam avslutning', presenters: [], duration: null, questions: [] },
        ],
      },
    ],
    questions: [
      { number: 1, text: 'Vilket av åtagandena är viktigast för er målgrupp?', item: 'Samtal i grupper om åtagandena' },
      { number: 2, text: 'Hur bör uppföljningen av åtagandena redovisas?', item: 'Samtal i grupper om åtagandena' },
    ],
    commitments: [
      'Ökad tillgänglighet till statligt finansierade kulturinstitutioner',
      'Stöd till teckenspråkig scenkonst',
      'Tillgängliga digitala kulturarvssamlingar',
    ],
    description: [
      'Kulturdepartementet bjuder in till samråd om de åtaganden som ingår i regeringens handlingsplan för ett tillgängligt kulturliv 2024–2026.',
    ],
    background: [],
    purpose: [
      'Samrådet ska ge funktionsrättsorganisationer och kulturlivets ideella aktörer möjlighet att påverka hur åtagandena genomförs och följs upp.',
    ],
    practicalInformation: ['Varmt välkomna!'],
    review: ['agenda', 'registration.capacity'],
  },
  {
    file: 'havsmiljo-2024-10-03.txt',
    covers:
      'a letter in prose without headings: "Välkommen till" title; date and time inside a sentence, after an earlier sentence with a month and year; deadline and seats in a sentence; no place label and no programme (both left unknown and flagged); a signature',
    title: 'Samråd om skyddet av havsmiljön',
    department: 'Miljödepartementet',
    start: '2024-10-03T10:00:00+02:00',
    end: '2024-10-03T11:30:00+02:00',
    location: null,
    email: 'mikael.strand@regeringskansliet.se',
    deadline: '2024-09-26T23:59:00+02:00',
    capacity: 25,
    waitlist: false,
    parts: [],
    questions: [],
    commitments: [],
    description: [
      'Regeringen beslutade i mars 2024 att utreda hur fler marina områden kan få ett långsiktigt skydd.',
      'Miljödepartementet bjuder därför in miljöorganisationer, fritidsfiskets organisationer och andra intresserade organisationer till ett samråd om arbetet. Samrådet äger rum den 3 oktober 2024 kl. 10.00–11.30 i Regeringskansliets lokaler på Tegelbacken 2 i Stockholm.',
      'Under mötet presenterar Havs- och vattenmyndigheten sin analys av vilka områden som behöver skyddas. Därefter finns tid för frågor och synpunkter.',
      'Anmäl dig senast den 26 september 2024 till mikael.strand@regeringskansliet.se. Det finns 25 platser.',
    ],
    background: [],
    purpose: [],
    practicalInformation: ['Med vänliga hälsningar', 'Mikael Strand', 'Miljödepartementet'],
    review: ['location', 'agenda'],
  },
  {
    file: 'civil-society-policy-2025-04-23.txt',
    covers:
      'English form laid out in two lines ("Date" over "April 23, 2025", "Time" over "10:00 am – 12:00 pm", "Venue" over an online place); soft breaks without blank lines; "Registration deadline:"; "limited to 30 participants"; timed rows without end times and presenters after a comma; "•" questions in "Questions for discussion" joining the "Dialogue" row',
    title: "Dialogue meeting on the Government's policy for civil society",
    department: 'Ministry of Culture',
    start: '2025-04-23T10:00:00+02:00',
    end: '2025-04-23T12:00:00+02:00',
    location: { kind: 'online', platform: 'Zoom', note: 'Online (Zoom). A link is sent to registered participants.' },
    email: 'peter.lund@regeringskansliet.se',
    deadline: '2025-04-09T23:59:00+02:00',
    capacity: 30,
    waitlist: false,
    parts: [
      {
        title: 'Agenda',
        items: [
          { title: 'Welcome', presenters: ['Ministry of Culture'], duration: 10, questions: [] },
          {
            title: 'The follow-up report',
            presenters: ['Swedish Agency for Youth and Civil Society (MUCF)'],
            duration: 30,
            questions: [],
          },
          { title: 'Dialogue in small groups', presenters: [], duration: 60, questions: [1, 2] },
          { title: 'Closing remarks', presenters: [], duration: 20, questions: [] },
        ],
      },
    ],
    questions: [
      {
        number: 1,
        text: 'How has the situation for civil society organisations changed since 2020?',
        item: 'Dialogue in small groups',
      },
      { number: 2, text: 'What should the next follow-up focus on?', item: 'Dialogue in small groups' },
    ],
    commitments: [],
    description: [
      "The Ministry of Culture invites organisations in civil society to a dialogue meeting on the follow-up of the Government's policy for civil society. The meeting is part of the regular dialogue between the Government and civil society organisations.",
    ],
    background: [],
    purpose: [],
    practicalInformation: [
      'Please register with peter.lund@regeringskansliet.se. The meeting is limited to 30 participants.',
      'We look forward to seeing you.',
    ],
    review: ['agenda.parts[0].items[3].presenters'],
  },
];

describe.each(CASES)('importing $file', (expected) => {
  const text = readFixture(expected.file);
  const { consultation: draft, report } = importInvitation(text);

  it('gives a valid draft', () => {
    expect(validateConsultation(draft).ok).toBe(true);
  });

  it('reads the title, the organiser and the meeting time with the right offset', () => {
    expect(draft.title).toBe(expected.title);
    expect(draft.organiser.department).toBe(expected.department);
    expect({ start: draft.start, end: draft.end, timeZone: draft.timeZone }).toEqual({
      start: expected.start,
      end: expected.end,
      timeZone: 'Europe/Stockholm',
    });
  });

  it('reads the place and the registration settings', () => {
    expect(draft.location).toEqual(expected.location);
    expect(draft.registration).toMatchObject({
      contactEmail: expected.email,
      deadline: expected.deadline,
      capacity: expected.capacity,
      waitlist: expected.waitlist,
    });
  });

  it('reads the agenda with its durations and presenters, and links the questions both ways', () => {
    const view = agendaView(draft);
    expect(view.parts).toEqual(expected.parts);
    expect(view.questions).toEqual(expected.questions);
  });

  it('reads the commitments and rebuilds the paragraphs', () => {
    expect(draft.commitments.map((c) => c.title)).toEqual(expected.commitments);
    expect(draft.description).toEqual(expected.description);
    expect(draft.background).toEqual(expected.background);
    expect(draft.purpose).toEqual(expected.purpose);
    expect(draft.practicalInformation).toEqual(expected.practicalInformation);
  });

  it('flags for review what it could not read', () => {
    expect(report.needsReview.map((e) => e.field)).toEqual(expect.arrayContaining([...expected.review]));
    // What the text states is not flagged as missing.
    const fields = new Set(report.needsReview.map((e) => e.field));
    if (expected.deadline !== null) expect(fields.has('registration.deadline')).toBe(false);
    if (expected.capacity !== null) expect(fields.has('registration.capacity')).toBe(false);
    if (expected.location !== null) expect(fields.has('location')).toBe(false);
  });
});

describe('the fixtures between them', () => {
  it('include a summer-time meeting and files with Windows line endings and non-breaking spaces', () => {
    expect(CASES.some((c) => c.start.endsWith('+02:00'))).toBe(true);
    const crlf = readFixture('folkbildning-2024-12-11-crlf.txt');
    expect(crlf).toContain('\r\n');
    expect(crlf).toContain('\u00A0');
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('include one text with a blank line after every line and one written in plain paragraphs', () => {
    const pdf = readFixture('cirkular-ekonomi-2024-11-07.txt').split('\n');
    const everyOther = pdf.filter((_, i) => i % 2 === 1);
    expect(everyOther.every((l) => l.trim() === '')).toBe(true);
    const paragraphs = readFixture('psykisk-halsa-2024-05-14.txt');
    expect(paragraphs).not.toMatch(/[\p{Ll},]\n\p{Ll}/u);
  });
});
