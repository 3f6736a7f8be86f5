import { describe, expect, it } from 'vitest';
import { checkDocumentName } from '../../../src/core/ports/consultationDocument';
import { isPortError, type PortError } from '../../../src/core/ports/errors';
import { MAX_ATTENDEES, planInvitations } from '../../../src/core/ports/invitations';
import type { Attendee } from '../../../src/core/registration/ledger';

const attendee = (email: string): Attendee => ({ email, name: null, response: 'none' });

function caught(run: () => unknown): PortError {
  try {
    run();
  } catch (error) {
    if (isPortError(error)) return error;
    throw error;
  }
  throw new Error('expected a PortError');
}

describe('planInvitations', () => {
  const current = { attendees: [attendee('Anna@Org.se'), attendee('bo@org.se')], organizerEmail: 'organiser@fin.se' };

  it('adds only people who are not attendees yet, matched by normalised address', () => {
    const plan = planInvitations(current, [
      { email: ' anna@org.SE ', name: 'Anna' },
      { email: 'Cilla <Cilla@Org.se>', name: 'Cilla' },
      { email: 'mailto:ORGANISER@fin.se', name: null },
    ]);
    expect(plan.toAdd).toEqual([{ email: 'cilla@org.se', name: 'Cilla' }]);
    expect(plan.alreadyInvited.map((p) => p.email)).toEqual(['anna@org.se', 'organiser@fin.se']);
  });

  it('invites a person listed twice once, keeping a name given either time', () => {
    const plan = planInvitations(current, [
      { email: 'dan@org.se', name: null },
      { email: 'DAN@org.se', name: 'Dan' },
    ]);
    expect(plan.toAdd).toEqual([{ email: 'dan@org.se', name: 'Dan' }]);
  });

  it('refuses unreadable addresses, listing every one, before anything is sent', () => {
    const error = caught(() =>
      planInvitations(current, [
        { email: 'eva@org.se', name: null },
        { email: 'nobody', name: null },
        { email: 'a@b@c.se', name: null },
      ]),
    );
    expect(error.code).toBe('invalid-attendee');
    expect(error.what.en).toMatch(/"nobody".*"a@b@c\.se"/);
    expect(error.what.sv).toMatch(/Ingen inbjudan har skickats/);
  });

  it(`stops at ${MAX_ATTENDEES} attendees and says what to do instead`, () => {
    const full = { attendees: Array.from({ length: 499 }, (_, i) => attendee(`p${i}@org.se`)), organizerEmail: '' };
    expect(planInvitations(full, [{ email: 'last@org.se', name: null }]).toAdd).toHaveLength(1);
    const error = caught(() =>
      planInvitations(full, [
        { email: 'x@org.se', name: null },
        { email: 'y@org.se', name: null },
      ]),
    );
    expect(error.code).toBe('attendee-limit');
    expect(error.what.en).toContain('499');
    expect(error.hint.en).toMatch(/at most 1 more.*Teams webinar/);
    expect(error.hint.sv).toMatch(/Teams-webbinarium/);
    // Nobody new: no limit to hit.
    expect(planInvitations(full, [{ email: 'p1@org.se', name: null }]).toAdd).toEqual([]);
  });
});

describe('checkDocumentName', () => {
  it.each(['ogp-2023-12-12', 'A_1'])('accepts %s', (name) => expect(checkDocumentName(name)).toBe(name));
  it.each(['', '../x', 'a b', 'x.json', '-x', 'a'.repeat(161)])('refuses %j with a bilingual reason', (name) => {
    const error = caught(() => checkDocumentName(name));
    expect(error.code).toBe('invalid-document-name');
    expect(error.hint.sv).toMatch(/bokstäver/);
  });
});
