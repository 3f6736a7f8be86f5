/**
 * Reach, measured: for each kind of participant — in the ministry's tenant, a B2B guest, an external (federated)
 * Teams user, an anonymous user who joins by link, and someone who takes part by e-mail only — which surface shows
 * them the current agenda and questions:
 *
 * - side panel: the Teams panel reads their own copy of the invitation through Graph (findOwnInvitation, with the
 *   production Graph ports signed in as them where Teams signs them in);
 * - stage: the meeting stage reads the agenda from the content URL the organiser shared (no Graph), so it reaches
 *   everyone in the Teams meeting for whom decode(encode(snapshot)) is the agenda;
 * - invitation: the published section in their own copy of the invitation, read in their mail program (their own
 *   mailbox, signed in at their own organisation).
 *
 * Everything runs over real HTTP against a sandbox started here, after the organiser invited them and published a
 * new version of the agenda with durations. The test prints the matrix and checks that docs/reach-matrix.md holds
 * exactly this table, so the document cannot go stale; it writes no file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxPerson, SandboxTenant } from '../../sandbox/contract';
import { updateItem } from '../../src/core/consultation/edit';
import type { Consultation } from '../../src/core/consultation/schema';
import { findOwnInvitation, type OwnInvitation } from '../../src/core/meeting/ownInvitation';
import { stageAddress, stagePayloadOf } from '../../src/entries/faces/teamsPage';
import { decodeStagePayload, encodeStagePayload, isStagePayload, type StagePayload } from '../../src/core/meeting/stagePayload';
import type { MeetingEventPort, MeetingChatPort } from '../../src/core/ports';
import { parseAgendaSection, publishedAgendaOf, type ParsedAgenda } from '../../src/core/publishing/agendaSection';
import { extractSamradSection } from '../../src/core/publishing/bodySection';
import { preparePublication, withPublication } from '../../src/core/publishing/publication';
import { parseZonedIso } from '../../src/core/time/zonedTime';
import { createGraphPorts } from '../../src/entries/faces/graphPorts';
import { isGraphError } from '../../src/graph/http/graphError';
import type { Ports } from '../../src/views/ports';
import { startTestSandbox, type TestSandbox } from '../sandbox/support';
import { PROJECT_ROOT } from '../support/seed';

const DOC = path.join(PROJECT_ROOT, 'docs/reach-matrix.md');
/** When the organiser publishes version 2, a week before the meeting. */
const PUBLISHED_AT = '2023-12-05T10:00:00+01:00';
/** The Teams page the organiser's panel shares to the stage from (the stage address is made next to it). */
const PANEL_PAGE = 'https://samrad.example/teams.html?host=teams';
const README = path.join(PROJECT_ROOT, 'README.md');
const YES = 'yes';

interface Participant {
  readonly label: string;
  readonly takesPartAs: string;
  /** Null for the anonymous participant: nobody the sandbox (or Entra ID) knows. */
  readonly person: SandboxPerson | null;
  /** In the Teams meeting (everyone but the e-mail-only participant). */
  readonly inTeams: boolean;
}

interface MatrixRow {
  readonly participant: string;
  readonly takesPartAs: string;
  readonly sidePanel: string;
  readonly stage: string;
  readonly invitation: string;
  readonly reached: string;
}

const COLUMNS: readonly [keyof MatrixRow, string][] = [
  ['participant', 'Participant'],
  ['takesPartAs', 'Takes part as'],
  ['sidePanel', 'Side panel (own invitation through Graph)'],
  ['stage', 'Stage (shared content URL)'],
  ['invitation', 'Invitation (own mail program)'],
  ['reached', 'Reached'],
];

let t: TestSandbox;
let chatId: string;
let iCalUId: string;
/** The agenda as the organiser's own event holds it after publishing: what every route must show. */
let current: ParsedAgenda;
let stageUrl: string;
let stagePayload: StagePayload;
let participants: readonly Participant[];
let rows: readonly MatrixRow[];

/** A token from the sandbox's token endpoint, as the workbench host gets one; `tenant` is where they sign in. */
function signIn(person: string, tenant?: SandboxTenant): () => Promise<string> {
  let token: Promise<string> | null = null;
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(`${t.sandbox.origin}/sandbox/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(tenant === undefined ? { person } : { person, tenant }),
    });
    const body = (await response.json()) as { accessToken?: string };
    if (!response.ok || body.accessToken === undefined) {
      throw new Error(`The sandbox did not sign in ${person} (${response.status}).`);
    }
    return body.accessToken;
  };
  return () => (token ??= fetchToken());
}

function portsAs(person: string, getToken: () => Promise<string>): Ports {
  return createGraphPorts({ baseUrl: t.sandbox.graphBaseUrl, getToken, person });
}

function agendaIn(bodyHtml: string): ParsedAgenda | null {
  const section = extractSamradSection(bodyHtml);
  return section === null ? null : parseAgendaSection(section);
}

/** A Graph failure as the matrix shows it; anything else is a defect and fails the test. */
function refusal(error: unknown): string {
  if (isGraphError(error)) return `${error.status ?? 'no answer'} ${error.graphCode ?? error.code}`;
  throw error;
}

/** Durations for every item, filling the meeting: what the organiser adds before sending version 2. */
function withDurations(consultation: Consultation): Consultation {
  const items = consultation.agenda.parts.flatMap((part) => part.items);
  const meetingMinutes = (parseZonedIso(consultation.end) - parseZonedIso(consultation.start)) / 60_000;
  const minutes = Math.floor(meetingMinutes / items.length);
  return items.reduce((edited, item) => {
    const result = updateItem(edited, item.id, { durationMinutes: minutes });
    if (!result.ok) throw new Error(`Could not set a duration on ${item.id}.`);
    return result.consultation;
  }, consultation);
}

async function organiserPublishes(invitees: readonly SandboxPerson[]): Promise<void> {
  const scenario = (await (await fetch(`${t.sandbox.origin}/sandbox/scenario`)).json()) as {
    organiserEventId: string;
    organiserId: string;
    chatId: string;
    iCalUId: string;
  };
  ({ chatId, iCalUId } = scenario);
  const organiser = portsAs(scenario.organiserId, signIn(scenario.organiserId));
  const eventId = scenario.organiserEventId;
  const name = (await organiser.events.getEvent(eventId)).link?.documentName;
  if (name === undefined) throw new Error('The seed event is not linked to its document.');
  const stored = await organiser.documents.load(name);
  if (stored === null) throw new Error('The seed document is missing.');

  await organiser.events.inviteAttendees(
    eventId,
    invitees.map((p) => ({ email: p.mail, name: p.displayName })),
  );
  const consultation = withDurations(stored.consultation);
  const prepared = preparePublication(consultation, { now: PUBLISHED_AT, languages: ['sv', 'en'] });
  await organiser.events.publishSection(eventId, prepared.sectionHtml);
  const saved = await organiser.documents.save(name, stored, withPublication(consultation, prepared.publication));
  expect(saved.ok).toBe(true);

  const event = await organiser.events.getEvent(eventId);
  const published = agendaIn(event.bodyHtml);
  expect(published).toEqual(publishedAgendaOf(consultation));
  if (published === null) throw new Error('The organiser’s event holds no readable agenda.');
  expect(published.parts.flatMap((p) => p.items).every((item) => item.durationMinutes !== null)).toBe(true);
  expect(published.questions.length).toBeGreaterThan(0);
  current = published;

  // The organiser's panel shares the stage with a snapshot of what she published.
  stagePayload = { subject: event.subject, start: event.start, end: event.end, agenda: published, run: null };
  // Made as the Teams face makes it when the chair chooses "Visa på scenen".
  stageUrl = stageAddress(PANEL_PAGE, 'teams', encodeStagePayload(stagePayload));
}

function sameAgenda(agenda: ParsedAgenda | null): boolean {
  return JSON.stringify(agenda) === JSON.stringify(current);
}

function panelCell(found: OwnInvitation, refusals: readonly string[]): string {
  if (found.kind === 'published') return sameAgenda(found.agenda) ? YES : 'no — shows another version';
  return `no — ${found.kind}${refusals.length === 0 ? '' : ` (${refusals.join('; ')})`}`;
}

/** The Teams side panel: the participant's own invitation through Graph, signed in where Teams signs them in. */
async function sidePanel(participant: Participant): Promise<string> {
  if (!participant.inTeams) return 'no — never in Teams';
  // An anonymous participant has no identity, so no token: every Graph call goes without one.
  const getToken = participant.person === null ? () => Promise.resolve('') : signIn(participant.person.id);
  const ports = portsAs(participant.person?.id ?? 'anonymous', getToken);
  const refusals: string[] = [];
  const chats: Pick<MeetingChatPort, 'getMeetingChat'> = {
    getMeetingChat: (id) =>
      ports.chats.getMeetingChat(id).catch((error: unknown) => {
        // Recorded for the matrix and passed on: findOwnInvitation decides what a refusal means.
        refusals.push(`chat: ${refusal(error)}`);
        throw error;
      }),
  };
  const events: Pick<MeetingEventPort, 'findByJoinUrl'> = {
    findByJoinUrl: (joinUrl) =>
      ports.events.findByJoinUrl(joinUrl).catch((error: unknown) => {
        refusals.push(`events: ${refusal(error)}`);
        throw error;
      }),
  };
  try {
    return panelCell(await findOwnInvitation({ chats, events }, chatId), refusals);
  } catch (error) {
    return `no — ${refusal(error)}`;
  }
}

/** The stage: whoever is in the Teams meeting sees the page the organiser shared, read from its URL alone. */
function stage(participant: Participant): string {
  if (!participant.inTeams) return 'no — never in Teams';
  const shown = decodeStagePayload(stagePayloadOf(new URL(stageUrl)));
  if (!isStagePayload(shown)) return `no — ${shown.problem}`;
  const same =
    sameAgenda(shown.agenda) &&
    shown.subject === stagePayload.subject &&
    shown.start === stagePayload.start &&
    shown.end === stagePayload.end;
  return same ? YES : 'no — shows another agenda';
}

/** The invitation in their own mail program: their own mailbox, signed in at their own organisation. */
async function invitation(participant: Participant): Promise<string> {
  if (participant.person === null) return 'no — joined by link, not invited';
  const ports = portsAs(participant.person.id, signIn(participant.person.id, 'home'));
  try {
    const copy = await ports.events.findByICalUId(iCalUId);
    if (copy === null) return 'no — no copy of the invitation';
    return sameAgenda(agendaIn(copy.bodyHtml)) ? YES : 'no — shows another version';
  } catch (error) {
    return `no — ${refusal(error)}`;
  }
}

async function measure(participant: Participant): Promise<MatrixRow> {
  const cells = {
    sidePanel: await sidePanel(participant),
    stage: stage(participant),
    invitation: await invitation(participant),
  };
  return {
    participant: participant.label,
    takesPartAs: participant.takesPartAs,
    ...cells,
    reached: Object.values(cells).includes(YES) ? YES : 'no',
  };
}

function markdownTable(matrix: readonly MatrixRow[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(COLUMNS.map(([, title]) => title)),
    line(COLUMNS.map(() => '---')),
    ...matrix.map((row) => line(COLUMNS.map(([key]) => row[key]))),
  ].join('\n');
}

/** The cells of the first table in a markdown text, whatever padding a formatter gave it. */
function tableCells(markdown: string): string[][] {
  const lines = markdown.split(/\r?\n/);
  // The matrix's own table: a page may hold others before it (the README's status table).
  const start = lines.findIndex((l) => /^\|\s*Participant\s*\|/.test(l.trimStart()));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !l.trimStart().startsWith('|'));
  return lines.slice(start, end < 0 ? undefined : end).map((l) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim())
      .map((cell) => (/^:?-{3,}:?$/.test(cell) ? '---' : cell)),
  );
}

function person(predicate: (p: SandboxPerson) => boolean, what: string): SandboxPerson {
  const found = t.sandbox.people.find(predicate);
  if (found === undefined) throw new Error(`The sandbox has no ${what}.`);
  return found;
}

beforeAll(async () => {
  t = await startTestSandbox();
  const member = person((p) => p.id === 'sofia.lindqvist', 'Sofia Lindqvist');
  const guest = person((p) => p.access === 'guest', 'guest');
  const external = person((p) => p.access === 'external', 'external participant');
  const emailOnly = person((p) => p.access === 'email-only', 'e-mail-only participant');
  const named = (p: SandboxPerson): string => `${p.displayName} (${p.organisation})`;
  participants = [
    { label: named(member), takesPartAs: 'in-tenant member', person: member, inTeams: true },
    { label: named(guest), takesPartAs: 'guest (B2B account in the ministry’s tenant)', person: guest, inTeams: true },
    { label: named(external), takesPartAs: 'external (own organisation’s tenant)', person: external, inTeams: true },
    { label: 'Anonymous participant', takesPartAs: 'anonymous (joins by link)', person: null, inTeams: true },
    { label: named(emailOnly), takesPartAs: 'e-mail only (never in Teams)', person: emailOnly, inTeams: false },
  ];
  // The anonymous participant got the link from someone else: only people with an identity are invited.
  await organiserPublishes(participants.flatMap((p) => (p.person === null ? [] : [p.person])));
  rows = [];
  for (const participant of participants) rows = [...rows, await measure(participant)];
  console.table(rows.map((row) => Object.fromEntries(COLUMNS.map(([key, title]) => [title, row[key]]))));
});
afterAll(() => t.dispose());

describe('reach of the current agenda and questions', () => {
  it('reaches all five kinds of participant by at least one route', () => {
    expect(rows.map((row) => [row.participant, row.reached])).toEqual(participants.map((p) => [p.label, YES]));
  });

  it('shows the in-tenant member everything, and reaches every invited person through their own invitation', () => {
    expect(rows[0]).toMatchObject({ sidePanel: YES, stage: YES, invitation: YES });
    const invited = rows.filter((_, i) => participants[i]?.person !== null);
    expect(invited.map((row) => row.invitation)).toEqual(invited.map(() => YES));
  });

  it('gives the stage the whole agenda, with durations and questions, from its address alone', () => {
    const shown = decodeStagePayload(stagePayloadOf(new URL(stageUrl)));
    expect(isStagePayload(shown) ? shown.agenda : shown).toEqual(current);
    expect(rows.filter((_, i) => participants[i]?.inTeams === true).map((row) => row.stage)).toEqual([YES, YES, YES, YES]);
  });

  it.each([
    ['docs/reach-matrix.md', DOC],
    ['README.md', README],
  ])('is the table in %s, exactly', (name, file) => {
    const computed = markdownTable(rows);
    expect(tableCells(readFileSync(file, 'utf8')), `${name} must hold this table:\n\n${computed}\n`).toEqual(
      tableCells(computed),
    );
  });
});
