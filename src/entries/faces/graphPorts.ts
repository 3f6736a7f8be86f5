/**
 * The Graph ports every face uses, built over one GraphClient. Loaded as its own chunk, in parallel with the host's
 * start, so the gateway, zod and the consultation schema are not part of the page's first paint.
 */
import type { DocumentMemory } from '../../core/ports';
import type { Clock } from '../../core/time/clock';
import { GraphConsultationDocuments } from '../../graph/adapters/consultationDocuments';
import { GraphMeetingChat } from '../../graph/adapters/meetingChat';
import { GraphMeetingEvents } from '../../graph/adapters/meetingEvents';
import { GraphMyMeetings } from '../../graph/adapters/myMeetings';
import { GraphProfile } from '../../graph/adapters/profile';
import { GraphRegistrationMail } from '../../graph/adapters/registrationMail';
import { GraphReplyDrafts, type ExtraPermission } from '../../graph/adapters/replyDrafts';
import { GraphClient } from '../../graph/http/graphClient';
import { createStorageDocumentMemory } from '../../hosts/workbench/documentMemory';
import { createStorageDraftStore } from '../../hosts/workbench/draftStore';
import type { Ports } from '../../views/ports';

const systemClock: Clock = { now: () => Date.now() };

export interface GraphPortsOptions {
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  /** Whose drafts and memory these are: two people may share one browser. */
  readonly person: string;
  /** The host's memory of which document belongs to which item; the page's local storage when absent. */
  readonly documentMemory?: DocumentMemory;
  /**
   * The host's handle on permissions beyond sign-in (its `extraScopes`): with it the face can make reply drafts
   * (Mail.ReadWrite); without it (null or absent) the port is left out and the view says drafts cannot be made here.
   */
  readonly extraPermission?: ExtraPermission | null;
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage refused (private mode, sandboxed frame): the pane still works, it just keeps no drafts on the device.
    return null;
  }
}

export function createGraphPorts(options: GraphPortsOptions): Ports {
  const client = new GraphClient({ tokens: { getToken: options.getToken }, baseUrl: options.baseUrl });
  const storage = localStorageOrNull();
  const permission = options.extraPermission ?? null;
  return {
    events: new GraphMeetingEvents({ client }),
    documents: new GraphConsultationDocuments({ client }),
    chats: new GraphMeetingChat({ client }),
    myMeetings: new GraphMyMeetings({ client }),
    profile: new GraphProfile({ client }),
    registrationMail: (mailbox) => new GraphRegistrationMail(mailbox === null ? { client } : { client, mailbox }),
    documentMemory: options.documentMemory ?? createStorageDocumentMemory(storage, options.person),
    drafts: createStorageDraftStore(storage, options.person),
    clock: systemClock,
    // Its own client: every draft request carries the token with Mail.ReadWrite, the other ports the sign-in one.
    ...(permission === null ? {} : { replyDrafts: new GraphReplyDrafts({ permission, client: { baseUrl: options.baseUrl } }) }),
  };
}
