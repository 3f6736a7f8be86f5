/**
 * What the meeting surfaces (side panel, details tab, stage) get from their host besides Graph: the clock, the
 * live session that carries the agenda run, and sharing to the stage. Kept apart from the Graph ports because the
 * stage and an anonymous participant's panel have no Graph at all, yet still show the meeting.
 */
import { createContext, useContext } from 'react';
import type { LiveAgendaPort } from '../../core/ports';
import type { StagePayload } from '../../core/meeting/stagePayload';
import type { Clock } from '../../core/time/clock';

export interface StageSharing {
  /** Shares the stage with this content to everyone in the meeting (organisers and presenters only). */
  share(payload: StagePayload): Promise<void>;
  /** Whether Samråd is on the stage now (someone may have shared something else since, or stopped sharing). */
  isSharing(): Promise<boolean>;
}

export interface MeetingServices {
  readonly clock: Clock;
  /** Null where no live session can exist (anonymous users, a host without Live Share). */
  readonly liveAgenda: LiveAgendaPort | null;
  /** Null where this surface cannot share to the stage (the details tab, the stage itself, a host without it). */
  readonly stage: StageSharing | null;
}

export const MeetingServicesContext = createContext<MeetingServices | null>(null);

export function useMeetingServices(): MeetingServices {
  const services = useContext(MeetingServicesContext);
  if (services === null) {
    throw new Error('useMeetingServices needs a <MeetingServicesContext.Provider> above it (an entry wires the meeting).');
  }
  return services;
}
