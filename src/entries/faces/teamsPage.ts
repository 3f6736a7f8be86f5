/**
 * What the Teams page reads from its own address: which surface it is (the manifest's URLs and the stage share say
 * it), the stage's content after `#stage=`, and — in the workbench — the meeting role the workbench gives the person
 * in place of Teams.
 */

export type MeetingSurface = 'panel' | 'stage' | 'personal';

export function meetingSurfaceOf(url: URL): MeetingSurface {
  const view = url.searchParams.get('view');
  return view === 'stage' || view === 'personal' ? view : 'panel';
}

/** The stage payload in the address's fragment (`#stage=…`), which stays in the browser (never sent to a server). */
export function stagePayloadOf(url: URL): string | null {
  return new URLSearchParams(url.hash.replace(/^#/, '')).get('stage');
}

/** The stage page's address for a payload, next to the page that shares it. */
export function stageAddress(
  pageUrl: string,
  host: 'teams' | 'workbench',
  payload: string,
  extra: Record<string, string> = {},
): string {
  const url = new URL('teams.html', pageUrl);
  url.search = new URLSearchParams({ host, view: 'stage', ...extra }).toString();
  url.hash = new URLSearchParams({ stage: payload }).toString();
  return url.toString();
}

export type WorkbenchMeetingRole = 'organizer' | 'presenter' | 'attendee' | 'anonymous';

/** The role the workbench gives the person (Teams gives it in a real meeting); an unknown value is an attendee. */
export function workbenchMeetingRoleOf(url: URL): WorkbenchMeetingRole {
  const role = url.searchParams.get('meetingRole');
  return role === 'organizer' || role === 'presenter' || role === 'anonymous' ? role : 'attendee';
}
