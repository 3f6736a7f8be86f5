/**
 * Ports for view tests where every call a view must not make fails the test: pass what the view under test may
 * use; everything else throws "not used by this view".
 */
import type { MeetingEventPort } from '../../src/core/ports';
import { FORGETFUL_MEMORY } from '../../src/core/ports';
import { fixedClock } from '../../src/core/time/clock';
import type { Ports } from '../../src/views/ports';

const unused = (): never => {
  throw new Error('not used by this view');
};

export function strictPorts(
  overrides: Partial<Omit<Ports, 'events'>> & { readonly events?: Partial<MeetingEventPort> } = {},
): Ports {
  const { events, ...rest } = overrides;
  return {
    documents: { list: unused, load: unused, save: unused },
    chats: { findChatByJoinUrl: unused, getMeetingChat: unused, listMessages: unused, postMessage: unused },
    registrationMail: unused,
    documentMemory: FORGETFUL_MEMORY,
    drafts: { read: () => ({ kind: 'none' }), write: () => false, clear: () => undefined },
    clock: fixedClock(0),
    ...rest,
    events: {
      getEvent: unused,
      findByICalUId: unused,
      findByJoinUrl: unused,
      inviteAttendees: unused,
      publishSection: unused,
      setLink: unused,
      ...events,
    },
  };
}
