/**
 * GraphMyMeetings over the local Microsoft 365 sandbox, as each person sees their own calendar: the organiser's
 * consultation, a presenter's copy with their reply (before and after they answer), someone invited later, someone
 * not invited, a cancelled meeting, a window that misses the meeting, and a run with 429s and 503s answered by
 * retries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { GraphMeetingEvents } from '../../src/graph/adapters/meetingEvents';
import { GraphMyMeetings } from '../../src/graph/adapters/myMeetings';
import type { GraphClient } from '../../src/graph/http/graphClient';
import { segment } from '../../src/graph/http/odata';
import { parseAgendaSection } from '../../src/core/publishing/agendaSection';
import { startGatewaySandbox, type GatewaySandbox } from './support/sandbox';

const SUBJECT = 'Samråd om Sveriges handlingsplan för OGP 2023–2025';
/** The seed's meeting is on 12 December 2023: "from now on" is set before it. */
const FROM = Date.parse('2023-11-01T00:00:00Z');
const HALF_YEAR = 180 * 86_400_000;

let t: GatewaySandbox;

beforeAll(async () => {
  t = await startGatewaySandbox();
});
afterAll(() => t.dispose());
beforeEach(async () => {
  t.sandbox.setFaults({ rate429: 0, rate503: 0, rateDrop: 0, rateLostAnswer: 0, latencyMs: 0 });
  await t.sandbox.reset();
});

function mine(person: SandboxPerson, client?: GraphClient): GraphMyMeetings {
  return new GraphMyMeetings({ client: client ?? t.clientFor(person).client });
}

function presenter(): SandboxPerson {
  const found = t.sandbox.people.find((p) => p.role === 'presenter');
  if (found === undefined) throw new Error('The sandbox has no presenter.');
  return found;
}

async function organiserEventId(client: GraphClient): Promise<string> {
  const events = (await client.all('/me/events?$select=id,isOrganizer')) as { id: string; isOrganizer?: boolean }[];
  const own = events.find((e) => e.isOrganizer === true);
  if (own === undefined) throw new Error('The seed has no organiser event.');
  return own.id;
}

describe('MyMeetingsPort over the sandbox', () => {
  it("lists the organiser's published consultation as theirs, with its agenda readable", async () => {
    const found = await mine(t.organiser).consultations(FROM, FROM + HALF_YEAR);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      subject: SUBJECT,
      start: '2023-12-12T13:00:00+01:00',
      response: 'organizer',
      cancelled: false,
    });
    const agenda = parseAgendaSection(found[0]?.sectionHtml ?? '');
    expect(agenda?.parts.flatMap((part) => part.items).length).toBeGreaterThan(0);
  });

  it("lists a presenter's own copy with their reply, before and after they answer", async () => {
    const person = presenter();
    const { client } = t.clientFor(person);
    const [before] = await mine(person, client).consultations(FROM, FROM + HALF_YEAR);
    expect(before).toMatchObject({ subject: SUBJECT, response: 'notResponded', cancelled: false });

    await client.request({
      method: 'POST',
      url: `/me/events/${segment(before?.id ?? '')}/accept`,
      json: { sendResponse: false },
    });
    const [after] = await mine(person, client).consultations(FROM, FROM + HALF_YEAR);
    expect(after?.response).toBe('accepted');
    expect(after?.iCalUId).toBe(before?.iCalUId);
  });

  it('lists nothing for someone not invited, and the consultation once they are', async () => {
    const { client } = t.clientFor(t.organiser);
    const events = new GraphMeetingEvents({ client });
    const invitedAlready = new Set(
      (await events.getEvent(await organiserEventId(client))).attendees.map((a) => a.email.toLowerCase()),
    );
    const outsider = t.participants.find((p) => !invitedAlready.has(p.mail.toLowerCase()));
    if (outsider === undefined) throw new Error('Everyone in the sandbox is invited already.');
    expect(await mine(outsider).consultations(FROM, FROM + HALF_YEAR)).toEqual([]);

    await events.inviteAttendees(await organiserEventId(client), [{ email: outsider.mail, name: outsider.displayName }]);
    const found = await mine(outsider).consultations(FROM, FROM + HALF_YEAR);
    expect(found.map((c) => [c.subject, c.response])).toEqual([[SUBJECT, 'notResponded']]);
  });

  it('marks a copy whose meeting was cancelled', async () => {
    const person = presenter();
    const { client } = t.clientFor(t.organiser);
    const events = new GraphMeetingEvents({ client });
    const id = await organiserEventId(client);
    // Taking someone off the attendees cancels the meeting for them (Exchange's semantics, which the sandbox keeps).
    const raw = (await client.json({ method: 'GET', url: `/me/events/${segment(id)}?$select=attendees` })) as {
      attendees: { type: string; emailAddress: { address: string; name?: string } }[];
    };
    const remaining = raw.attendees.filter((a) => a.emailAddress.address.toLowerCase() !== person.mail.toLowerCase());
    expect(remaining.length).toBe(raw.attendees.length - 1);
    await client.request({ method: 'PATCH', url: `/me/events/${segment(id)}`, json: { attendees: remaining } });
    expect((await events.getEvent(id)).attendees.some((a) => a.email.toLowerCase() === person.mail.toLowerCase())).toBe(false);

    const [copy] = await mine(person).consultations(FROM, FROM + HALF_YEAR);
    expect(copy).toMatchObject({ cancelled: true });
  });

  it('lists nothing when the window misses the meeting', async () => {
    const after = Date.parse('2023-12-13T00:00:00Z');
    expect(await mine(t.organiser).consultations(after, after + HALF_YEAR)).toEqual([]);
  });

  it('gets the same list through 429s and 503s, retrying as Graph asks', async () => {
    const expected = await mine(t.organiser).consultations(FROM, FROM + HALF_YEAR);
    t.sandbox.setFaults({ rate429: 0.3, rate503: 0.2, retryAfterSeconds: 1, seed: 7 });
    const { client, waits } = t.clientFor(t.organiser, { retry: { maxAttempts: 12 } });
    for (let run = 0; run < 5; run += 1) {
      expect(await mine(t.organiser, client).consultations(FROM, FROM + HALF_YEAR)).toEqual(expected);
    }
    expect(waits.length).toBeGreaterThan(0);
  });
});
