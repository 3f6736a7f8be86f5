/**
 * The Teams page's lazily loaded parts: the meeting panel, the stage, the anonymous participant's panel and the personal
 * tab, each its own chunk, so the page's first paint carries none of them (and nothing of the Outlook pane's, nor Live Share).
 */
import { lazyView } from '../../views/outlook/lazyView';

export const MeetingPanelView = lazyView(() =>
  import(/* webpackChunkName: "meeting-panel" */ '../../views/meeting/MeetingPanel').then((m) => m.MeetingPanel),
);

export const StageView = lazyView(() =>
  import(/* webpackChunkName: "meeting-stage" */ '../../views/meeting/StageView').then((m) => m.StageFromAddress),
);

export const AnonymousPanelView = lazyView(() =>
  import(/* webpackChunkName: "anonymous-panel" */ '../../views/meeting/AnonymousPanel').then((m) => m.AnonymousPanel),
);

export const MyConsultationsView = lazyView(() =>
  import(/* webpackChunkName: "my-consultations" */ '../../views/teams/MyConsultations').then((m) => m.MyConsultations),
);
