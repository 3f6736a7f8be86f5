/**
 * The Outlook task pane page. The host comes from the URL (the manifest's `?host=outlook`; the workbench frames it
 * with `?host=workbench&person=…&item=…`, or `&meeting=<iCalUId>` for an attendee's copy), never from trying Office
 * and waiting. This file and what it imports statically are the first-paint JavaScript; everything else is lazy.
 */
import type { ReactElement } from 'react';
import { hostKindFromUrl } from '../../hosts/host';
import { AttendeeAgendaView, OrganiserPaneView } from './lazyFaces';
import { mountPage, NoHost } from './mount';
import { OutlookPane } from './OutlookPane';
import { WorkbenchFace } from './WorkbenchFace';

const url = new URL(window.location.href);
const pageUrl = url.toString();

function workbenchFace(): ReactElement {
  const meeting = url.searchParams.get('meeting');
  if (meeting !== null) {
    return (
      <WorkbenchFace pageUrl={pageUrl} preload={AttendeeAgendaView.preload}>
        <AttendeeAgendaView iCalUId={meeting} />
      </WorkbenchFace>
    );
  }
  return (
    <WorkbenchFace pageUrl={pageUrl} preload={OrganiserPaneView.preload}>
      <OrganiserPaneView eventId={url.searchParams.get('item') ?? ''} />
    </WorkbenchFace>
  );
}

switch (hostKindFromUrl(url)) {
  case 'outlook':
    mountPage(<OutlookPane pageUrl={pageUrl} />);
    break;
  case 'workbench':
    mountPage(workbenchFace());
    break;
  default:
    mountPage(<NoHost />);
}
