/**
 * The real case: the Ministry of Finance's invitation of 12 December 2023, as extracted from its PDF (a blank
 * line after every line, soft line breaks mid-sentence, paragraph ends marked by trailing spaces).
 */
import { describe, expect, it } from 'vitest';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { formatImportReport, importInvitation, type ImportResult } from '../../../src/core/invitation';
import { agendaView, readSeed } from './support';

const result: ImportResult = importInvitation(readSeed());
const draft = result.consultation;
const view = agendaView(draft);

describe('importing the seed invitation (OGP, 2023-12-12)', () => {
  it('gives a valid draft', () => {
    expect(validateConsultation(draft).ok).toBe(true);
  });

  it('takes the title from the first line, joined across its soft break, without "Inbjudan till"', () => {
    expect(draft.title).toBe('Samråd avseende Sveriges nya handlingsplan för Open Government Partnership');
    const titleEntry = result.report.recognised.find((e) => e.field === 'title');
    expect(titleEntry?.text).toBe('Inbjudan till samråd avseende Sveriges nya handlingsplan för Open Government Partnership');
  });

  it('reads the meeting time in Stockholm winter time', () => {
    expect(draft.start).toBe('2023-12-12T13:00:00+01:00');
    expect(draft.end).toBe('2023-12-12T14:30:00+01:00');
    expect(draft.timeZone).toBe('Europe/Stockholm');
  });

  it('reads the organiser, the registration e-mail and the online place', () => {
    expect(draft.organiser).toEqual({
      department: 'Finansdepartementet',
      contactEmail: 'emelie.roos.ekengren@regeringskansliet.se',
    });
    expect(draft.registration.contactEmail).toBe('emelie.roos.ekengren@regeringskansliet.se');
    expect(draft.location).toEqual({
      kind: 'online',
      platform: 'Skype',
      note: 'Skype, efter anmälan får deltagare tillgång till inbjudan i Outlook och Skype-länk',
    });
  });

  it('leaves what the invitation does not say unknown: deadline, capacity, waitlist', () => {
    expect(draft.registration).toMatchObject({ deadline: null, capacity: null, waitlist: false });
  });

  it('reads the four commitments in order, the second across its soft break', () => {
    expect(draft.commitments).toEqual([
      { id: 'commitment-1', number: 1, title: 'Antagande av Open Data Charters stadga' },
      { id: 'commitment-2', number: 2, title: 'Särskild kontaktpunkt samt genomförande av principer om öppna data' },
      { id: 'commitment-3', number: 3, title: 'Inköpsdata' },
      { id: 'commitment-4', number: 4, title: 'Utveckla arbetet mot korruption' },
    ]);
  });

  it('reads the agenda: "Information" presented by two organisations, "Diskussion" with one item per question', () => {
    expect(view.parts).toEqual([
      {
        title: 'Information',
        items: [
          {
            title: 'Information',
            presenters: ['Finansdepartementet', 'Myndigheten för digital förvaltning'],
            duration: null,
            questions: [],
          },
        ],
      },
      {
        title: 'Diskussion',
        items: [
          { title: 'Syften och nyttor med datadelning för samhällsutvecklingen', presenters: [], duration: null, questions: [1] },
          {
            title: 'Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen',
            presenters: [],
            duration: null,
            questions: [2],
          },
          {
            title: 'Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan',
            presenters: [],
            duration: null,
            questions: [3],
          },
        ],
      },
    ]);
    expect(draft.agenda.parts[0]?.items[0]?.description).toBe(
      'Finansdepartementet informerar om OGP-processen och handlingsplanen samt ger tillsammans med Myndigheten för digital förvaltning uppdateringar kring arbetet med implementeringen av handlingsplanen.',
    );
    expect(draft.agenda.parts[1]?.description).toBe('Finansdepartementet inbjuder till diskussion, där följande kan diskuteras.');
  });

  it('links each of the three questions to its own discussion item, both ways, in order', () => {
    expect(view.questions).toEqual([
      {
        number: 1,
        text: 'Syften och nyttor med datadelning för samhällsutvecklingen.',
        item: 'Syften och nyttor med datadelning för samhällsutvecklingen',
      },
      {
        number: 2,
        text: 'Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen.',
        item: 'Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen',
      },
      {
        number: 3,
        text: 'Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan.',
        item: 'Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan',
      },
    ]);
    const discussionItems = draft.agenda.parts[1]?.items ?? [];
    expect(draft.questions.map((q) => q.agendaItemId)).toEqual(discussionItems.map((i) => i.id));
    expect(discussionItems.map((i) => i.questionIds)).toEqual(draft.questions.map((q) => [q.id]));
  });

  it('invents no duration', () => {
    const durations = draft.agenda.parts.flatMap((p) => p.items.map((i) => i.durationMinutes));
    expect(durations).toEqual([null, null, null, null]);
  });

  it('flags the missing durations, deadline and capacity for review', () => {
    const review = result.report.needsReview;
    expect(review.map((e) => e.field)).toEqual(
      expect.arrayContaining(['agenda', 'registration.deadline', 'registration.capacity']),
    );
    expect(review.find((e) => e.field === 'agenda')?.note.sv).toMatch(/^4 punkter saknar längd/);
    expect(formatImportReport(result.report, 'en')).toContain('4 items lack a duration');
  });

  it('reconstructs the paragraphs across soft breaks, joined ranges and paragraph marks', () => {
    expect(draft.description).toEqual([
      'Samråd om Sveriges nya handlingsplan för (OGP) 2023–2025',
      'Den 12 december 2023 bjuder Finansdepartementet in till samråd med civilsamhällesaktörer för att informera om och diskutera implementeringen av Sveriges handlingsplan för Open Government Partnership (OGP) 2023–2025.',
      'Samrådet kommer vara uppdelat i två delar.',
    ]);
    expect(draft.background).toEqual([
      'Sverige är sedan 2011 medlem i Open Government Partnership (OGP), ett internationellt samarbetsorgan som lanserades på initiativ av den dåvarande amerikanska presidenten Barack Obama. Som medlemsland har Sverige åtagit sig att verka för OGP:s värden om att främja öppen förvaltning, utveckla medborgarsamverkan, motverka korruption och utnyttja ny teknik för att stärka styrningen av den offentliga förvaltningen. Inom ramen för OGP hålls samråd med civilsamhället två gånger årligen.',
      'Sverige har nu beslutat om handlingsplan för OGP. Handlingsplanen gäller 2023–2025 och innehåller åtaganden som syftar till att vidareutveckla arbetet med öppna data och antikorruption och på så sätt tillvarata nya möjligheter som bidrar till en mer öppen och samverkande statsförvaltning. I och med denna handlingsplan förnyar Sverige sitt åtagande som medlem i OGP.',
      'Underlagen för handlingsplanen har tagits fram via en s.k. multi-stakeholder process. Det innebär att deltagare från civilsamhället har involverats i arbetet med att ta fram underlaget. Utkastet till handlingsplan har därefter diskuterats i ett uppföljande digitalt möte den 22 februari 2023 med representanter från civilsamhället.',
      'Med handlingsplanen för 2023–2025 kommer nu Sverige att inom ramen för OGP och i samverkan med civilsamhället vidareutveckla arbetet med öppna data och antikorruption och på så sätt tillvarata nya möjligheter som bidrar till en mer öppen och samverkande statsförvaltning.',
      'Handlingsplanen för OGP finns tillgänglig här.',
    ]);
    expect(draft.purpose).toEqual([
      'Genom samrådet vill Finansdepartementet lyssna in civilsamhällets perspektiv på digitaliserings möjligheter för ökad öppenhet, transparens och förtroende för den offentliga förvaltningen samt antikorruption. Myndigheten för digital förvaltning deltar i samtalet.',
    ]);
    expect(draft.practicalInformation).toEqual([
      'Under samrådet kommer relevanta tjänstepersoner från Finansdepartementet och Myndigheten för digital förvaltning att närvara för att lyssna in civilsamhällets perspektiv.',
      'En mer preciserad dagordning och tidsuppskattning skickas ut i anslutning till mötet den 12 december 2023.',
      'Varmt välkommen önskar Finansdepartementet!',
    ]);
  });
});
