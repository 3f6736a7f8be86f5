import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeConsultations } from '../../../src/core/consultation/merge';
import { ID_PATTERN } from '../../../src/core/consultation/messages';
import type { Consultation } from '../../../src/core/consultation/schema';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { decisionIdOf, entryIdOf } from '../../../src/core/registration/ids';
import type { LedgerEntry } from '../../../src/core/registration/ledger';
import { sampleConsultation } from '../../support/consultations';

function entry(id: string, email: string): LedgerEntry {
  return {
    id,
    name: 'Anna Berg',
    email,
    organisation: 'Rädda Barnen',
    source: { kind: 'manual' },
    receivedAt: '2023-11-20T09:00:00+01:00',
    cancelledAt: null,
  };
}

function withLedger(entries: LedgerEntry[]): Consultation {
  const c = sampleConsultation();
  return { ...c, registrations: { ...c.registrations, ledger: entries } };
}

describe('ids derived from mail ids', () => {
  it('are valid document ids, the same for the same mail and different for different mails', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.string({ minLength: 1, maxLength: 300 }), (a, b) => {
        expect(decisionIdOf(a)).toMatch(ID_PATTERN);
        expect(decisionIdOf(a).length).toBeLessThanOrEqual(64);
        expect(entryIdOf(a, 12)).toMatch(ID_PATTERN);
        expect(decisionIdOf(a)).toBe(decisionIdOf(a));
        if (a !== b) expect(decisionIdOf(a)).not.toBe(decisionIdOf(b));
      }),
    );
    expect(entryIdOf('AAMkAGI2', 0)).not.toBe(entryIdOf('AAMkAGI2', 1));
  });
});

describe('the registration record in the document', () => {
  it('defaults to empty for a document written before it existed', () => {
    const older: Partial<Consultation> = sampleConsultation();
    delete older.registrations;
    const result = validateConsultation(older);
    expect(result.ok && result.consultation.registrations).toEqual({
      mailbox: null,
      readMailsFrom: null,
      organisations: [],
      ledger: [],
      mailDecisions: [],
      organisationDomains: {},
      invitationInProgress: null,
      deleteAfter: null,
      purged: null,
    });
  });

  it('rejects two ledger entries with one id, naming both places', () => {
    const result = validateConsultation(withLedger([entry('reg-1', 'a@x.se'), entry('reg-1', 'b@x.se')]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toContain('registrations.ledger[1].id');
    expect(result.problems[0]?.message.en).toMatch(/registrations\.ledger\[0\]\.id/);
  });

  it('rejects personal data in the ledger after retention deleted it', () => {
    const c = withLedger([entry('reg-1', 'a@x.se')]);
    const purged = {
      ...c,
      registrations: { ...c.registrations, purged: { at: '2024-03-12T00:00:00+01:00', people: 3, organisations: [] } },
    };
    const result = validateConsultation(purged);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message.sv).toMatch(/redan raderats/);
  });

  it('merges ledger entries added on two devices by id', () => {
    const base = withLedger([]);
    const mine = withLedger([entry('reg-a', 'a@x.se')]);
    const theirs = withLedger([entry('reg-b', 'b@x.se')]);
    const merged = mergeConsultations(base, mine, theirs);
    expect(merged.ok && merged.merged.registrations.ledger.map((e) => e.id)).toEqual(['reg-a', 'reg-b']);
  });

  it('never mixes two invitation runs: both started differently is a conflict', () => {
    const base = withLedger([]);
    const run = (email: string): Consultation => ({
      ...base,
      registrations: {
        ...base.registrations,
        invitationInProgress: { startedAt: '2023-11-25T10:00:00+01:00', people: [{ email, name: null }] },
      },
    });
    const merged = mergeConsultations(base, run('a@x.se'), run('b@x.se'));
    expect(merged).toEqual({ ok: false, conflicts: ['registrations.invitationInProgress'] });
  });
});

describe('the same mail handled on two devices', () => {
  it('merges as one decision and one entry, the first saved standing, without a conflict', () => {
    const base = withLedger([]);
    const handled = (decidedAt: string, organisation: string): Consultation => ({
      ...base,
      registrations: {
        ...base.registrations,
        ledger: [{ ...entry(entryIdOf('AAMk-1', 0), 'anna@x.se'), organisation, source: { kind: 'mail', mailId: 'AAMk-1' } }],
        mailDecisions: [{ id: decisionIdOf('AAMk-1'), mailId: 'AAMk-1', outcome: 'applied', decidedAt }],
      },
    });
    const theirs = handled('2023-11-20T10:00:00+01:00', 'Rädda Barnen');
    const mine = handled('2023-11-20T10:05:00+01:00', 'RB');
    const merged = mergeConsultations(base, mine, theirs);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.merged.registrations.mailDecisions).toEqual(theirs.registrations.mailDecisions);
    expect(merged.merged.registrations.ledger).toEqual(theirs.registrations.ledger);
  });

  it('still reports two different edits of one existing entry as a conflict', () => {
    const base = withLedger([entry('reg-1', 'a@x.se')]);
    const edit = (name: string): Consultation => withLedger([{ ...entry('reg-1', 'a@x.se'), name }]);
    expect(mergeConsultations(base, edit('Anna B'), edit('Anna Berg-Ek'))).toEqual({
      ok: false,
      conflicts: ['registrations.ledger[id=reg-1].name'],
    });
  });
});
