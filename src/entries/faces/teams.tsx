/**
 * The Teams page (`teams.html`): the meeting panel (side panel and details tab), the stage (`view=stage`, content in
 * the address), and the personal tab (`view=personal`). The host comes from the URL — `host=teams` from the
 * manifest's URLs, `host=workbench` from the local workbench's frames — never from trying teams-js and waiting.
 */
import type { ReactElement } from 'react';
import { hostKindFromUrl, languageFromUrl } from '../../hosts/host';
import { shareToWorkbenchStage } from '../../hosts/workbench/stageChannel';
import { MeetingServicesContext, type MeetingServices } from '../../views/meeting/meetingServices';
import { encodeStage, lazyLiveAgenda } from './lazyLiveAgenda';
import { AnonymousPanelView, MeetingPanelView, MyConsultationsView } from './meetingFaces';
import { StageFollowingAddress } from './StageFollowingAddress';
import { FaceFrame, mountPage, NoHost } from './mount';
import { meetingSurfaceOf, workbenchMeetingRoleOf } from './teamsPage';
import { TeamsFace } from './TeamsFace';
import { WorkbenchFace } from './WorkbenchFace';

const url = new URL(window.location.href);
const pageUrl = url.toString();
const systemClock = { now: () => Date.now() };

/** The local Fluid service `npm start` runs (tools/liveShare/tinylicious.ts), in place of Teams' Live Share service. */
const LOCAL_FLUID = 'http://localhost:7070';

/**
 * Live Share in the workbench: the code path Teams runs (LiveState over Fluid), against the local service; the
 * meeting's container id is kept by the sandbox, as Teams keeps it per meeting. Anonymous participants have no Live
 * Share in Teams, so none here either.
 */
function workbenchLiveAgenda(role: ReturnType<typeof workbenchMeetingRoleOf>, meetingKey: string | null) {
  const person = url.searchParams.get('person');
  if (role === 'anonymous' || meetingKey === null || person === null) return null;
  return lazyLiveAgenda(({ containerIdsOverHttp, createLiveShareAgenda, localLiveShareHost }) =>
    createLiveShareAgenda({
      host: localLiveShareHost({
        endpoint: LOCAL_FLUID,
        containerIds: containerIdsOverHttp(`${url.origin}/sandbox/live-share/${encodeURIComponent(meetingKey)}`),
        user: { id: person, name: person },
        roles: [role],
      }),
    }),
  );
}

/** Whether this face has shared the workbench's stage (the stand-in for Teams' sharing state). */
let sharedHere = false;

function workbenchMeeting(): ReactElement {
  const surface = meetingSurfaceOf(url);
  const role = workbenchMeetingRoleOf(url);
  const language = languageFromUrl(url);
  const chair = role === 'organizer' || role === 'presenter';
  const services: MeetingServices = {
    clock: systemClock,
    // The panel's frame names the meeting chat; the stage's frame names it as `live` (it is no panel).
    liveAgenda: workbenchLiveAgenda(role, url.searchParams.get('chat') ?? url.searchParams.get('live')),
    // Teams lets organisers and presenters share to the stage; the workbench shows it in its stage frame.
    stage:
      chair && surface === 'panel'
        ? {
            share: async (payload) => {
              shareToWorkbenchStage(window.parent, window.location.origin, await encodeStage(payload));
              sharedHere = true;
            },
            // The workbench's stage shows only what a face shared, and nothing else can take it over.
            isSharing: () => Promise.resolve(sharedHere),
          }
        : null,
  };
  // The stage and an anonymous participant need no sign-in: neither has Graph.
  if (surface === 'stage' || role === 'anonymous') {
    return (
      <FaceFrame language={language}>
        <MeetingServicesContext.Provider value={services}>
          {surface === 'stage' ? <StageFollowingAddress /> : <AnonymousPanelView />}
        </MeetingServicesContext.Provider>
      </FaceFrame>
    );
  }
  if (surface === 'personal') {
    return (
      <WorkbenchFace pageUrl={pageUrl} preload={MyConsultationsView.preload}>
        <MyConsultationsView />
      </WorkbenchFace>
    );
  }
  return (
    <WorkbenchFace pageUrl={pageUrl} preload={MeetingPanelView.preload}>
      <MeetingServicesContext.Provider value={services}>
        <MeetingPanelView chatId={url.searchParams.get('chat') ?? ''} />
      </MeetingServicesContext.Provider>
    </WorkbenchFace>
  );
}

switch (hostKindFromUrl(url)) {
  case 'teams':
    mountPage(<TeamsFace pageUrl={pageUrl} surface={meetingSurfaceOf(url)} />);
    break;
  case 'workbench':
    mountPage(workbenchMeeting());
    break;
  default:
    mountPage(<NoHost />);
}
