/**
 * The Teams meeting page (side panel / details tab): the participant's face in the meeting chat the host names
 * (`?chat=`). The Teams host comes with its own issue; until then the page runs in the workbench only.
 */
import { hostKindFromUrl } from '../../hosts/host';
import { lazyView } from '../../views/outlook/lazyView';
import { mountPage, NoHost } from './mount';
import { WorkbenchFace } from './WorkbenchFace';

const url = new URL(window.location.href);

const ParticipantPanelView = lazyView(() =>
  import(/* webpackChunkName: "participant-panel" */ '../../views/faces/ParticipantPanel').then((m) => m.ParticipantPanel),
);

const WORKBENCH_ONLY = {
  what: {
    sv: 'Den här sidan öppnas från Samråds arbetsbänk än så länge.',
    en: 'For now, this page is opened from the Samråd workbench.',
  },
  hint: { sv: 'Starta arbetsbänken med npm start.', en: 'Start the workbench with npm start.' },
};

if (hostKindFromUrl(url) === 'workbench') {
  mountPage(
    <WorkbenchFace pageUrl={url.toString()} preload={ParticipantPanelView.preload}>
      <ParticipantPanelView chatId={url.searchParams.get('chat') ?? ''} />
    </WorkbenchFace>,
  );
} else {
  mountPage(<NoHost explanation={WORKBENCH_ONLY} />);
}
