import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../../src/core/consultation/messages';
import { isSamradError, type SamradError } from '../../../src/core/errors';
import {
  addManualEntry,
  cancelEntry,
  editEntry,
  manualEntryIdOf,
  reconcileRegistrations,
  removeEntry,
  restoreEntry,
} from '../../../src/core/registration';
import type { LedgerEntry } from '../../../src/core/registration/ledger';
import { emptyRegistrationRecord, type RegistrationRecord } from '../../../src/core/registration/record';

const T0 = '2023-11-20T09:00:00+01:00';
const T1 = '2023-11-21T09:00:00+01:00';
const T2 = '2023-11-22T09:00:00+01:00';

const anna = { name: 'Anna Berg', email: 'Anna.Berg@Raddabarnen.example', organisation: 'Rädda Barnen' };
const bo = { name: 'Bo Ek', email: 'bo@lsu.example', organisation: 'LSU' };

function caught(run: () => unknown): SamradError {
  try {
    run();
  } catch (error) {
    if (isSamradError(error)) return error;
    throw error;
  }
  throw new Error('expected a SamradError');
}

function entryOf(record: RegistrationRecord, email: string): LedgerEntry {
  const entry = record.ledger.find((e) => e.email === email);
  if (entry === undefined) throw new Error(`no entry for ${email}`);
  return entry;
}

function statusOf(record: RegistrationRecord, email: string): string | undefined {
  const people = reconcileRegistrations({ entries: record.ledger, attendees: [], capacity: null, waitlist: false }).people;
  return people.find((p) => p.email === email)?.status;
}

describe('manual entry ids', () => {
  it('are valid document ids, deterministic, and the same for two spellings of one address', () => {
    expect(manualEntryIdOf('anna@x.se', T0)).toMatch(ID_PATTERN);
    expect(manualEntryIdOf('anna@x.se', T0)).toMatch(/^man-/);
    expect(manualEntryIdOf('Anna <ANNA@x.se>', T0)).toBe(manualEntryIdOf('anna@x.se', T0));
    expect(manualEntryIdOf('anna@x.se', T0)).not.toBe(manualEntryIdOf('anna@x.se', T1));
    expect(manualEntryIdOf('anna@x.se', T0)).not.toBe(manualEntryIdOf('bo@x.se', T0));
  });

  it('stay within the id alphabet and length for any address', () => {
    fc.assert(
      fc.property(fc.string(), (email) => {
        const id = manualEntryIdOf(email, T0);
        expect(id).toMatch(ID_PATTERN);
        expect(id.length).toBeLessThanOrEqual(64);
      }),
    );
  });
});

describe('addManualEntry', () => {
  it('adds a standing manual entry with the normalised address and tidied text, leaving the input untouched', () => {
    const record = emptyRegistrationRecord();
    const next = addManualEntry(
      record,
      { name: '  Anna\u00a0 Berg\n', email: ' <Anna.Berg@Raddabarnen.example> ', organisation: '  ' },
      T0,
    );
    expect(record.ledger).toEqual([]);
    expect(next.ledger).toEqual([
      {
        id: manualEntryIdOf('anna.berg@raddabarnen.example', T0),
        name: 'Anna Berg',
        email: 'anna.berg@raddabarnen.example',
        organisation: null,
        source: { kind: 'manual' },
        receivedAt: T0,
        cancelledAt: null,
      },
    ]);
  });

  it.each([
    ['', 'saknas', 'missing'],
    ['anna.x.se', 'saknar @', 'has no @'],
    ['anna@x', 'Domänen', 'domain'],
    ['anna@x.se;bo@y.se', 'tecken', 'character'],
  ])('refuses the address %j and says why in both languages', (email, sv, en) => {
    const error = caught(() => addManualEntry(emptyRegistrationRecord(), { ...anna, email }, T0));
    expect(error.code).toBe('invalid-input');
    expect(error.what.sv).toContain(sv);
    expect(error.what.en).toContain(en);
    expect(error.hint.sv.length).toBeGreaterThan(0);
    expect(error.hint.en.length).toBeGreaterThan(0);
  });

  it('refuses a second standing registration of the same person (by normalised address), naming the entry', () => {
    const record = addManualEntry(emptyRegistrationRecord(), anna, T0);
    const error = caught(() => addManualEntry(record, { ...anna, email: 'ANNA.BERG@raddabarnen.example', name: 'A B' }, T1));
    expect(error.what.sv).toContain('redan anmäld');
    expect(error.what.en).toContain('already registered');
    expect(error.what.en).toContain(record.ledger[0]?.id);
  });

  it('accepts a new registration of someone whose registration was cancelled', () => {
    const first = addManualEntry(emptyRegistrationRecord(), anna, T0);
    const cancelled = cancelEntry(first, first.ledger[0]?.id ?? '', T1);
    const again = addManualEntry(cancelled, anna, T2);
    expect(again.ledger).toHaveLength(2);
    expect(statusOf(again, 'anna.berg@raddabarnen.example')).toBe('received');
  });

  it('refuses an unreadable time, an overlong name, and a ledger already deleted by retention', () => {
    expect(caught(() => addManualEntry(emptyRegistrationRecord(), anna, '2023-11-20 09:00')).code).toBe('invalid-date-time');
    expect(caught(() => addManualEntry(emptyRegistrationRecord(), { ...anna, name: 'x'.repeat(101) }, T0)).what.en).toMatch(
      /longer than 100/,
    );
    const purged: RegistrationRecord = {
      ...emptyRegistrationRecord(),
      purged: { at: '2024-03-12T00:00:00+01:00', people: 3, organisations: [] },
    };
    expect(caught(() => addManualEntry(purged, anna, T0)).what.en).toMatch(/was deleted/);
  });
});

describe('editEntry', () => {
  const two = addManualEntry(addManualEntry(emptyRegistrationRecord(), anna, T0), bo, T1);
  const annaId = two.ledger[0]?.id ?? '';

  it('corrects name, address and organisation; id, source and times stay', () => {
    const next = editEntry(two, annaId, { name: 'Anna Bergström', email: 'anna@raddabarnen.example', organisation: null });
    expect(next.ledger[0]).toEqual({
      ...two.ledger[0],
      name: 'Anna Bergström',
      email: 'anna@raddabarnen.example',
      organisation: null,
    });
    expect(next.ledger[1]).toBe(two.ledger[1]);
    expect(two.ledger[0]?.name).toBe('Anna Berg');
  });

  it('leaves absent fields as they are, and accepts the same address in another spelling', () => {
    const next = editEntry(two, annaId, { email: 'ANNA.BERG@raddabarnen.example' });
    expect(next.ledger[0]).toEqual(two.ledger[0]);
  });

  it("refuses an unknown id and a change onto another standing person's address", () => {
    expect(caught(() => editEntry(two, 'reg-nope', { name: 'X' })).what.en).toMatch(/reg-nope is not in/);
    const error = caught(() => editEntry(two, annaId, { email: 'Bo@LSU.example' }));
    expect(error.what.en).toContain('Bo Ek <bo@lsu.example> is already registered');
  });

  it('refuses an invalid address with its reason', () => {
    expect(caught(() => editEntry(two, annaId, { email: 'anna@' })).what.en).toMatch(/cannot be used/);
  });
});

describe('removeEntry, cancelEntry, restoreEntry', () => {
  const base = addManualEntry(addManualEntry(emptyRegistrationRecord(), anna, T0), bo, T0);
  const annaId = base.ledger[0]?.id ?? '';

  it('removes an entry made by mistake and nothing else; the decisions stay', () => {
    const withDecision: RegistrationRecord = {
      ...base,
      mailDecisions: [{ id: 'mail-1', mailId: 'AAMk1', outcome: 'applied', decidedAt: T1 }],
    };
    const next = removeEntry(withDecision, annaId);
    expect(next.ledger.map((e) => e.email)).toEqual(['bo@lsu.example']);
    expect(next.mailDecisions).toEqual(withDecision.mailDecisions);
    expect(caught(() => removeEntry(next, annaId)).code).toBe('invalid-input');
  });

  it('cancels every standing entry of the person and restores them again', () => {
    // Two standing entries of one person can come from an older document; both end with the cancellation.
    const doubled: RegistrationRecord = {
      ...base,
      ledger: [
        ...base.ledger,
        { ...entryOf(base, anna.email.toLowerCase()), id: 'reg-old', email: 'Anna.Berg@raddabarnen.example' },
      ],
    };
    const cancelled = cancelEntry(doubled, annaId, T1);
    expect(cancelled.ledger.filter((e) => e.cancelledAt === T1).map((e) => e.id)).toEqual([annaId, 'reg-old']);
    expect(statusOf(cancelled, 'anna.berg@raddabarnen.example')).toBe('cancelled');
    expect(statusOf(cancelled, 'bo@lsu.example')).toBe('received');

    const restored = restoreEntry(cancelled, 'reg-old');
    expect(restored.ledger).toEqual(doubled.ledger);
  });

  it('refuses to cancel twice, to cancel before the registration, and to restore what stands', () => {
    const cancelled = cancelEntry(base, annaId, T1);
    expect(caught(() => cancelEntry(cancelled, annaId, T2)).what.en).toMatch(/already cancelled/);
    expect(caught(() => cancelEntry(base, annaId, '2023-11-19T09:00:00+01:00')).what.en).toMatch(/earlier than/);
    expect(caught(() => restoreEntry(base, annaId)).what.en).toMatch(/is not cancelled/);
    expect(caught(() => cancelEntry(base, 'reg-nope', T1)).what.sv).toMatch(/finns inte/);
  });

  it('refuses to restore an old entry when the person has registered anew (no two standing entries)', () => {
    const cancelled = cancelEntry(base, annaId, T1);
    const again = addManualEntry(cancelled, anna, T2);
    expect(caught(() => restoreEntry(again, annaId)).what.en).toMatch(/already registered/);
  });
});

describe('the ledger stays deduplicated whatever the organiser does', () => {
  type Op =
    | { kind: 'add'; person: number; at: number }
    | { kind: 'edit'; target: number; person: number }
    | { kind: 'remove'; target: number }
    | { kind: 'cancel'; target: number; at: number }
    | { kind: 'restore'; target: number };
  const emails = ['a@x.se', 'A@X.se', 'b@x.se', 'c@y.se'];
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), person: fc.nat(3), at: fc.nat(20) }),
    fc.record({ kind: fc.constant('edit' as const), target: fc.nat(10), person: fc.nat(3) }),
    fc.record({ kind: fc.constant('remove' as const), target: fc.nat(10) }),
    fc.record({ kind: fc.constant('cancel' as const), target: fc.nat(10), at: fc.nat(20) }),
    fc.record({ kind: fc.constant('restore' as const), target: fc.nat(10) }),
  );
  const iso = (day: number): string => `2023-11-${String(day + 1).padStart(2, '0')}T09:00:00+01:00`;

  const standingPerAddress = (record: RegistrationRecord): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const e of record.ledger) if (e.cancelledAt === null) counts.set(e.email, (counts.get(e.email) ?? 0) + 1);
    return counts;
  };

  it('adds and edits never give an address a second standing entry, ids never repeat, a refusal changes nothing', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let record = emptyRegistrationRecord();
        for (const o of ops) {
          const before = record;
          const target = (i: number): string => record.ledger[i % Math.max(1, record.ledger.length)]?.id ?? 'none';
          try {
            if (o.kind === 'add') {
              record = addManualEntry(record, { name: 'N', email: emails[o.person] ?? '', organisation: null }, iso(o.at));
            } else if (o.kind === 'edit') record = editEntry(record, target(o.target), { email: emails[o.person] ?? '' });
            else if (o.kind === 'remove') record = removeEntry(record, target(o.target));
            else if (o.kind === 'cancel') record = cancelEntry(record, target(o.target), iso(o.at));
            else record = restoreEntry(record, target(o.target));
          } catch (error) {
            if (!isSamradError(error)) throw error;
            expect(record).toBe(before);
            continue;
          }
          const [was, now] = [standingPerAddress(before), standingPerAddress(record)];
          for (const [email, count] of now) {
            // A restore brings back what one cancellation ended, and only for an address with nothing standing.
            const earlier = was.get(email) ?? 0;
            if (o.kind !== 'restore') expect(count).toBeLessThanOrEqual(Math.max(1, earlier));
            else if (count > earlier) expect(earlier).toBe(0);
          }
          expect(new Set(record.ledger.map((e) => e.id)).size).toBe(record.ledger.length);
        }
      }),
    );
  });

  it('cancel then restore gives back the ledger as it was', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...emails.slice(1)), { minLength: 1 }), fc.nat(), (people, pick) => {
        let record = emptyRegistrationRecord();
        for (const email of people) record = addManualEntry(record, { name: 'N', email, organisation: null }, T0);
        const id = record.ledger[pick % record.ledger.length]?.id ?? '';
        expect(restoreEntry(cancelEntry(record, id, T1), id)).toEqual(record);
      }),
    );
  });
});
