/**
 * The Outlook page's lazily loaded parts: each face is its own chunk (with its editors, import and publishing code),
 * fetched while the host starts, so none of it is in the page's first-paint JavaScript; so is the dark theme, which
 * only a dark Outlook asks for. The Teams page has its own (teams.tsx), so neither page's chunks reach the other.
 */
import type { Theme } from '@fluentui/react-components';
import { chunkLoadFailed, lazyView } from '../../views/outlook/lazyView';

/** Fluent's web dark theme, as its own chunk: the tokens only (webpackExports), not the components' barrel. */
export function loadDarkTheme(): Promise<Theme> {
  return import(
    /* webpackChunkName: "dark-theme" */
    /* webpackExports: ["webDarkTheme"] */
    '@fluentui/react-components'
  ).then(
    (fluent) => fluent.webDarkTheme,
    (cause: unknown) => {
      throw chunkLoadFailed(cause);
    },
  );
}

/** Fluent's Teams high-contrast theme, as its own chunk (Teams' "contrast" theme). */
export function loadHighContrastTheme(): Promise<Theme> {
  return import(
    /* webpackChunkName: "contrast-theme" */
    /* webpackExports: ["teamsHighContrastTheme"] */
    '@fluentui/react-components'
  ).then(
    (fluent) => fluent.teamsHighContrastTheme,
    (cause: unknown) => {
      throw chunkLoadFailed(cause);
    },
  );
}

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
