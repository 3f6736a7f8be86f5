/**
 * The Outlook page's lazily loaded parts: each face is its own chunk (with its editors, import and publishing code),
 * fetched while the host starts, so none of it is in the page's first-paint JavaScript. The Teams page has its own
 * (teams.tsx), so neither page's chunks reach the other.
 */
import { lazyView } from '../../views/outlook/lazyView';

export const OrganiserPaneView = lazyView(() =>
  import(/* webpackChunkName: "organiser-pane" */ '../../views/faces/OrganiserPane').then((m) => m.OrganiserPane),
);

export const AttendeeAgendaView = lazyView(() =>
  import(/* webpackChunkName: "attendee-agenda" */ '../../views/faces/AttendeeAgenda').then((m) => m.AttendeeAgenda),
);

export const ConfirmSaveDialogView = lazyView(() =>
  import(/* webpackChunkName: "confirm-save" */ '../../views/outlook/ConfirmSaveDialog').then((m) => m.ConfirmSaveDialog),
);

export const ComposeAgendaView = lazyView(() =>
  import(/* webpackChunkName: "compose-agenda" */ '../../views/organiser/ComposeAgenda').then((m) => m.ComposeAgenda),
);
