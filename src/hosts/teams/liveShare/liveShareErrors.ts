/**
 * The PortErrors of the live agenda, in Swedish and English. Faces treat every `unavailable` alike (they follow the
 * published time plan and the clock, and say so); the text says which case it was, and `cause` keeps Live Share's
 * or Fluid's own error for a support case.
 */
import type { Bilingual } from '../../../core/errors';
import { PortError } from '../../../core/ports/errors';

const FOLLOW_PLAN: Bilingual = {
  sv: 'Dagordningen följer den publicerade tidsplanen och klockan så länge. Försök igen om en stund; hjälper det inte, stäng Samråd och öppna appen igen från mötet.',
  en: 'The agenda follows the published time plan and the clock meanwhile. Try again in a moment; if that does not help, close Samråd and open it again from the meeting.',
};

function seconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}

/** The service did not let this client join: not reached, refused, or not within the time allowed. */
export function joinFailed(where: string, cause: unknown): PortError {
  return new PortError(
    'unavailable',
    {
      sv: `Samråd kunde inte ansluta till mötets gemensamma dagordning (Live Share, ${where}).`,
      en: `Samråd could not connect to the meeting's shared agenda (Live Share, ${where}).`,
    },
    FOLLOW_PLAN,
    { cause },
  );
}

export function joinTimedOut(where: string, timeoutMs: number, cause: unknown): PortError {
  return new PortError(
    'unavailable',
    {
      sv: `Mötets gemensamma dagordning (Live Share, ${where}) svarade inte inom ${seconds(timeoutMs)} s.`,
      en: `The meeting's shared agenda (Live Share, ${where}) did not answer within ${seconds(timeoutMs)} s.`,
    },
    FOLLOW_PLAN,
    cause === undefined ? undefined : { cause },
  );
}

export function liveShareNotSupported(cause?: unknown): PortError {
  return new PortError(
    'unavailable',
    {
      sv: 'Teams ger inte Samråd någon gemensam dagordning här (Live Share finns bara i ett pågående möte, i sidopanelen och på mötesscenen, och inte för anonyma deltagare).',
      en: 'Teams gives Samråd no shared agenda here (Live Share exists only in a meeting under way, in the side panel and on the meeting stage, and not for anonymous participants).',
    },
    {
      sv: 'Öppna Samråd i sidopanelen under mötet. Dagordningen följer den publicerade tidsplanen och klockan så länge.',
      en: 'Open Samråd in the side panel during the meeting. The agenda follows the published time plan and the clock meanwhile.',
    },
    cause === undefined ? undefined : { cause },
  );
}

export function sessionClosed(): PortError {
  return new PortError(
    'unavailable',
    {
      sv: 'Anslutningen till mötets gemensamma dagordning är stängd.',
      en: 'The connection to the meeting’s shared agenda has been closed.',
    },
    {
      sv: 'Anslut på nytt för att styra dagordningen (ladda om Samråd).',
      en: 'Connect again to run the agenda (reload Samråd).',
    },
  );
}

export function sessionLost(cause: unknown): PortError {
  return new PortError(
    'unavailable',
    {
      sv: 'Anslutningen till mötets gemensamma dagordning bröts, så ändringen nådde inte de andra.',
      en: 'The connection to the meeting’s shared agenda was lost, so the change did not reach the others.',
    },
    FOLLOW_PLAN,
    cause === undefined ? undefined : { cause },
  );
}

/** The session closed under the client, not during a change of its own (what onLost listeners are told). */
export function sessionLostUnder(cause: unknown): PortError {
  return new PortError(
    'unavailable',
    {
      sv: 'Anslutningen till mötets gemensamma dagordning bröts.',
      en: 'The connection to the meeting’s shared agenda was lost.',
    },
    FOLLOW_PLAN,
    cause === undefined ? undefined : { cause },
  );
}

export function changeTimedOut(timeoutMs: number, cause: unknown): PortError {
  return new PortError(
    'unavailable',
    {
      sv: `Ändringen av dagordningen kunde inte skickas till de andra inom ${seconds(timeoutMs)} s (anslutningen är bruten).`,
      en: `The change to the agenda could not be sent to the others within ${seconds(timeoutMs)} s (the connection is down).`,
    },
    FOLLOW_PLAN,
    cause === undefined ? undefined : { cause },
  );
}

export function notAllowedToControl(cause?: unknown): PortError {
  return new PortError(
    'forbidden',
    {
      sv: 'Bara mötets organisatörer och presentatörer kan starta, pausa och flytta dagordningen.',
      en: 'Only the meeting’s organisers and presenters can start, pause and move the agenda.',
    },
    {
      sv: 'Be organisatören göra dig till presentatör i mötet, eller be en presentatör gå vidare.',
      en: 'Ask the organiser to make you a presenter in the meeting, or ask a presenter to move on.',
    },
    cause === undefined ? undefined : { cause },
  );
}

export function invalidRun(): PortError {
  return new PortError(
    'bad-request',
    {
      sv: 'Dagordningens läge är ogiltigt och skickades inte.',
      en: 'The state of the agenda is not valid and was not sent.',
    },
    {
      sv: 'Ladda om Samråd och försök igen.',
      en: 'Reload Samråd and try again.',
    },
  );
}
