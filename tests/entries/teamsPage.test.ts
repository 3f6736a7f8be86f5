/** What the Teams page reads from its address: the surface, the stage's content, the workbench's meeting role. */
import { describe, expect, it } from 'vitest';
import { meetingSurfaceOf, stageAddress, stagePayloadOf, workbenchMeetingRoleOf } from '../../src/entries/faces/teamsPage';

describe('the Teams page address', () => {
  it.each([
    ['https://samrad.example/teams.html?host=teams', 'panel'],
    ['https://samrad.example/teams.html?host=teams&view=stage', 'stage'],
    ['https://samrad.example/teams.html?host=teams&view=personal', 'personal'],
    ['https://samrad.example/teams.html?host=teams&view=other', 'panel'],
  ])('%s is the %s', (address, surface) => {
    expect(meetingSurfaceOf(new URL(address))).toBe(surface);
  });

  it('puts the stage payload in the fragment, which the page reads back unchanged', () => {
    const address = stageAddress('https://samrad.example/app/teams.html?host=teams', 'teams', 'abc-_123');
    const url = new URL(address);
    expect(url.pathname).toBe('/app/teams.html');
    expect(url.searchParams.get('host')).toBe('teams');
    expect(url.searchParams.get('view')).toBe('stage');
    expect(url.search).not.toContain('abc');
    expect(stagePayloadOf(url)).toBe('abc-_123');
  });

  it('reads no payload from an address without one', () => {
    expect(stagePayloadOf(new URL('https://samrad.example/teams.html?host=teams&view=stage'))).toBeNull();
    expect(stagePayloadOf(new URL('https://samrad.example/teams.html?host=teams&view=stage#other=1'))).toBeNull();
  });

  it.each([
    ['organizer', 'organizer'],
    ['presenter', 'presenter'],
    ['anonymous', 'anonymous'],
    ['attendee', 'attendee'],
    ['chair', 'attendee'],
    [null, 'attendee'],
  ])('the workbench role %s is %s', (given, role) => {
    const url = new URL('http://127.0.0.1/teams.html?host=workbench');
    if (given !== null) url.searchParams.set('meetingRole', given);
    expect(workbenchMeetingRoleOf(url)).toBe(role);
  });
});
