/**
 * What Teams makes when an organiser turns an Outlook meeting into a Teams meeting: a meeting chat (a thread),
 * an onlineMeeting with a join URL that names the thread, and the join block Outlook appends to the invitation
 * body. The block is shaped like the real one (the same markers and links), because the app must find it and keep
 * it byte for byte when it rewrites the body.
 */
import type { SandboxPerson } from '../contract';
import { newDigits, newGuid, newToken } from '../state/ids';
import type { SandboxState, StoredChat, StoredOnlineMeeting } from '../state/model';

/** The sandbox's one tenant. */
export const TENANT_ID = '5f1c2b9e-7a3d-4c8e-9b61-0d2f4a6e8c13';

export interface TeamsMeetingParts {
  readonly meeting: StoredOnlineMeeting;
  readonly chat: StoredChat;
  readonly joinBlockHtml: string;
}

/** Teams writes its escapes in lower case (`19%3ameeting_…%40thread.v2`); the ids themselves keep their case. */
function teamsEscape(text: string): string {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

export function joinUrlFor(chatId: string, organizerId: string): string {
  const context = teamsEscape(JSON.stringify({ Tid: TENANT_ID, Oid: organizerId }));
  return `https://teams.microsoft.com/l/meetup-join/${teamsEscape(chatId)}/0?context=${context}`;
}

/** Teams' online meeting id: base64 of `1*{organiser}*0**{thread id}`. */
function onlineMeetingId(organizerId: string, chatId: string): string {
  return Buffer.from(`1*${organizerId}*0**${chatId}`, 'utf8').toString('base64');
}

export function createTeamsMeeting(
  state: SandboxState,
  organiser: SandboxPerson,
  eventId: string,
  createdDateTime: string,
): TeamsMeetingParts {
  const threadToken = Buffer.from(newGuid(state).toLowerCase(), 'utf8').toString('base64').replace(/=+$/, '');
  const chatId = `19:meeting_${threadToken}@thread.v2`;
  const joinWebUrl = joinUrlFor(chatId, organiser.id);
  const joinMeetingId = newDigits(state, 12);
  const passcode = newToken(state, 6);
  const meeting: StoredOnlineMeeting = {
    id: onlineMeetingId(organiser.id, chatId),
    joinWebUrl,
    chatId,
    organizerId: organiser.id,
    eventId,
    createdDateTime,
    joinMeetingId,
    passcode,
  };
  const chat: StoredChat = {
    id: chatId,
    onlineMeetingId: meeting.id,
    createdDateTime,
    lastUpdatedDateTime: createdDateTime,
    messages: [],
  };
  return { meeting, chat, joinBlockHtml: joinBlock(joinWebUrl, joinMeetingId, passcode, organiser.id) };
}

const RULE =
  '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">' +
  '________________________________________________________________________________</span></div>';

function grouped(digits: string): string {
  return digits.replace(/(\d{3})(?=\d)/g, '$1 ');
}

/** Outlook's Teams invitation block in Swedish (the organiser's Outlook is in sv-SE). */
function joinBlock(joinWebUrl: string, joinMeetingId: string, passcode: string, organizerId: string): string {
  const font = "font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif";
  const options = `https://teams.microsoft.com/meetingOptions/?organizerId=${organizerId}&amp;tenantId=${TENANT_ID}&amp;language=sv-SE`;
  return [
    RULE,
    `<div class="me-email-text" lang="sv-SE" style="color:#252424;${font}">`,
    '<div style="margin-top:24px;margin-bottom:20px"><span style="font-size:24px;color:#252424">Microsoft Teams-möte</span></div>',
    '<div style="margin-bottom:20px">',
    '<div style="margin-top:0px;margin-bottom:0px;font-weight:bold"><span style="font-size:14px;color:#252424">Anslut på datorn, i mobilappen eller i rumsenheten</span></div>',
    `<a class="me-email-headline" href="${joinWebUrl}" target="_blank" rel="noreferrer noopener" style="font-size:14px;${font};text-decoration:underline;color:#6264a7">Klicka här för att ansluta till mötet</a>`,
    '</div>',
    '<div style="margin-bottom:20px;margin-top:20px">',
    `<div style="margin-bottom:4px"><span style="font-size:14px;color:#252424">Mötes-ID: <span style="font-size:16px;color:#252424">${grouped(joinMeetingId)}</span></span><br>`,
    `<span style="font-size:14px;color:#252424">Lösenkod: </span><span style="font-size:16px;color:#252424">${passcode}</span></div>`,
    '</div>',
    '<div style="margin-bottom:24px;margin-top:20px">',
    `<a class="me-email-link" href="https://aka.ms/JoinTeamsMeeting?omkt=sv-SE" target="_blank" rel="noreferrer noopener" style="font-size:14px;text-decoration:underline;color:#6264a7;${font}">Läs mer</a>`,
    ` | <a class="me-email-link" href="${options}" target="_blank" rel="noreferrer noopener" style="font-size:14px;text-decoration:underline;color:#6264a7;${font}">Mötesalternativ</a>`,
    '</div>',
    '</div>',
    RULE,
  ].join('\r\n');
}
