/**
 * calendarView: events overlapping a window, earliest first, in pages linked by @odata.nextLink. The seed holds a
 * single meeting, so this file writes a state.json with a series of them before the sandbox starts — which also
 * shows that the sandbox loads the state it finds.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/contract';
import { buildSeedState } from '../../sandbox/seed/state';
import { startSandbox } from '../../sandbox/server';
import { mailboxOf } from '../../sandbox/state/people';
import { clientFor, freshDataDir, type GraphClient, type GraphErrorReply } from './support';

interface Page {
  value: (Event & { id: string })[];
  '@odata.nextLink'?: string;
}

const DAY = 86_400_000;
const EXTRA = 12;
let dataDir: string;
let sandbox: RunningSandbox;
let organiser: GraphClient;

beforeAll(async () => {
  dataDir = freshDataDir();
  const state = buildSeedState(Buffer.from('calendar-view-test').toString('base64'));
  const organiserId = state.people[0]?.id ?? '';
  const events = mailboxOf(state, organiserId).events;
  const [meeting] = events;
  if (meeting === undefined) throw new Error('The seed has no meeting');
  // Weekly follow-ups, added in reverse order so the view's ordering is the sandbox's doing.
  for (let k = EXTRA; k >= 1; k -= 1) {
    const copy = structuredClone(meeting);
    copy.event.id = `${meeting.event.id.slice(0, -4)}W${k}AA=`;
    copy.event.iCalUId = `${meeting.event.iCalUId.slice(0, -2)}${String(k).padStart(2, '0')}`;
    copy.event.subject = `Uppföljning ${k}`;
    copy.startMs = meeting.startMs + k * 7 * DAY;
    copy.endMs = meeting.endMs + k * 7 * DAY;
    events.push(copy);
  }
  writeFileSync(path.join(dataDir, 'state.json'), JSON.stringify(state));
  sandbox = await startSandbox({ dataDir });
  organiser = clientFor(sandbox, organiserId);
});

afterAll(async () => {
  await sandbox.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const view = (from: string, to: string, extra = ''): string => `/me/calendarView?startDateTime=${from}&endDateTime=${to}${extra}`;

describe('calendarView', () => {
  it('needs a time window', async () => {
    const reply = await organiser.get<GraphErrorReply>('/me/calendarView');
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/StartDateTime and EndDateTime/);
  });

  it('pages through every overlapping event, earliest first, following @odata.nextLink as given', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let next: string | undefined = view('2023-12-01T00:00:00Z', '2024-06-01T00:00:00Z', '&$top=5&$select=subject,start');
    while (next !== undefined) {
      const page: { status: number; body: Page } = await organiser.get<Page>(next);
      expect(page.status).toBe(200);
      sizes.push(page.body.value.length);
      seen.push(...page.body.value.map((e) => e.subject ?? ''));
      next = page.body['@odata.nextLink'];
    }
    expect(sizes).toEqual([5, 5, 3]);
    expect(seen).toEqual([
      'Samråd om Sveriges handlingsplan för OGP 2023–2025',
      ...Array.from({ length: EXTRA }, (_, i) => `Uppföljning ${i + 1}`),
    ]);
  });

  it('returns ten per page by default and only events that overlap the window', async () => {
    const all = await organiser.get<Page>(view('2023-12-01T00:00:00Z', '2024-06-01T00:00:00Z'));
    expect(all.body.value).toHaveLength(10);
    expect(all.body['@odata.nextLink']).toContain('$skip=10');

    const meetingOnly = await organiser.get<Page>(view('2023-12-12T12:30:00Z', '2023-12-12T12:31:00Z'));
    expect(meetingOnly.body.value.map((e) => e.start?.dateTime)).toEqual(['2023-12-12T12:00:00.0000000']);
    const endsAtStart = await organiser.get<Page>(view('2023-12-12T11:00:00Z', '2023-12-12T12:00:00Z'));
    expect(endsAtStart.body.value).toHaveLength(0);
  });
});
