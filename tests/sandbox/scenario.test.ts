import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/contract';
import { startTestSandbox, type TestSandbox } from './support';

let running: TestSandbox;
let sandbox: RunningSandbox;
beforeAll(async () => {
  running = await startTestSandbox();
  sandbox = running.sandbox;
});
afterAll(() => running.dispose());

describe('GET /sandbox/scenario', () => {
  it('names the organiser’s calendar item and the meeting chat, as Outlook and Teams would', async () => {
    const scenario = (await (await fetch(`${sandbox.origin}/sandbox/scenario`)).json()) as {
      organiserEventId: string;
      chatId: string;
      joinUrl: string;
    };
    const organiser = sandbox.people[0];
    const event = await fetch(
      `${sandbox.graphBaseUrl}/me/events/${encodeURIComponent(scenario.organiserEventId)}?$select=subject,onlineMeeting`,
      {
        headers: { authorization: `Bearer ${sandbox.tokenFor(organiser?.id ?? '')}` },
      },
    );
    expect(event.status).toBe(200);
    const body = (await event.json()) as { subject: string; onlineMeeting: { joinUrl: string } };
    expect(body.onlineMeeting.joinUrl).toBe(scenario.joinUrl);
    const chat = await fetch(`${sandbox.graphBaseUrl}/chats/${encodeURIComponent(scenario.chatId)}`, {
      headers: { authorization: `Bearer ${sandbox.tokenFor(organiser?.id ?? '')}` },
    });
    expect(chat.status).toBe(200);
  });
});
