import { describe, it, expect } from 'vitest';
import type { Message, Recipient } from '@microsoft/microsoft-graph-types';
import { normaliseEmail } from '../../src/core/registration/email';
import {
  SEED_MAIL_EXPECTATIONS,
  SEED_MEETING_START_ISO,
  seedMailExpectations,
  seedRegistrationMails,
  type SeedMailExpectation,
  type SeedMailKind,
} from '../../sandbox/seed/mails';
import { SEED_ORGANISER, SEED_PEOPLE, SEED_PRESENTER } from '../../sandbox/seed/people';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAILS = seedRegistrationMails(SEED_ORGANISER, SEED_PEOPLE, SEED_MEETING_START_ISO);
const PARTICIPANTS = SEED_PEOPLE.filter((p) => p.role === 'participant');
const SEED_BY_MAIL = new Map(SEED_PEOPLE.map((p) => [p.mail.toLowerCase(), p]));
const EXPECTATION_BY_ID = new Map(SEED_MAIL_EXPECTATIONS.map((e) => [e.mailId, e]));

function addressOf(recipient: Recipient | null | undefined): string {
  const address = recipient?.emailAddress?.address;
  if (typeof address !== 'string') throw new Error('recipient without an address');
  return address;
}

function normalised(address: string): string {
  const email = normaliseEmail(address);
  if (email === null) throw new Error(`not a plausible address: ${address}`);
  return email;
}

function expectationOf(mail: Message): SeedMailExpectation {
  const expectation = EXPECTATION_BY_ID.get(mail.id ?? '');
  if (expectation === undefined) throw new Error(`no expectation for mail ${mail.id ?? '(no id)'}`);
  return expectation;
}

function ofKind(...kinds: readonly SeedMailKind[]): Message[] {
  return MAILS.filter((m) => kinds.includes(expectationOf(m).kind));
}

function receivedMs(mail: Message): number {
  return Date.parse(mail.receivedDateTime ?? '');
}

function bodyOf(mail: Message): string {
  return mail.body?.content ?? '';
}

describe('seed people', () => {
  it('puts the organiser first and the presenter second', () => {
    expect(SEED_PEOPLE[0]).toBe(SEED_ORGANISER);
    expect(SEED_PEOPLE[1]).toBe(SEED_PRESENTER);
    expect(SEED_ORGANISER).toMatchObject({ role: 'organiser', organisation: 'Finansdepartementet' });
    expect(SEED_ORGANISER.mail).toMatch(/@regeringskansliet\.example$/);
    expect(SEED_PRESENTER).toMatchObject({ role: 'presenter', organisation: 'Myndigheten för digital förvaltning' });
    expect(SEED_PEOPLE.filter((p) => p.role !== 'participant')).toEqual([SEED_ORGANISER, SEED_PRESENTER]);
  });

  it('has at least 44 participants from at least 12 organisations, 1–4 people each', () => {
    expect(PARTICIPANTS.length).toBeGreaterThanOrEqual(44);
    const perOrganisation = new Map<string, number>();
    for (const p of PARTICIPANTS) perOrganisation.set(p.organisation, (perOrganisation.get(p.organisation) ?? 0) + 1);
    expect(perOrganisation.size).toBeGreaterThanOrEqual(12);
    for (const [organisation, count] of perOrganisation) {
      expect(count, organisation).toBeGreaterThanOrEqual(1);
      expect(count, organisation).toBeLessThanOrEqual(4);
    }
  });

  it('includes Sofia Lindqvist from Rädda Barnen (the walkthrough switches to her)', () => {
    expect(SEED_PEOPLE.find((p) => p.id === 'sofia.lindqvist')).toMatchObject({
      displayName: 'Sofia Lindqvist',
      organisation: 'Rädda Barnen',
      role: 'participant',
    });
  });

  it('has unique slug ids and unique, normalised addresses on .example domains', () => {
    const ids = SEED_PEOPLE.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
    const mails = SEED_PEOPLE.map((p) => p.mail);
    expect(new Set(mails.map(normalised)).size).toBe(mails.length);
    for (const mail of mails) {
      expect(normalised(mail)).toBe(mail);
      expect(mail).toMatch(/\.example$/);
    }
  });

  it('gives everyone a first name and a surname', () => {
    for (const p of SEED_PEOPLE) expect(p.displayName.split(' ').length, p.id).toBeGreaterThanOrEqual(2);
  });
});

describe('seed registration mails', () => {
  it('matches the walkthrough: 46 mails — 38 registrations, 3 cancellations, 2 questions, 2 automatic replies, 1 forward', () => {
    expect(MAILS).toHaveLength(46);
    const counts = new Map<SeedMailKind, number>();
    for (const mail of MAILS) counts.set(expectationOf(mail).kind, (counts.get(expectationOf(mail).kind) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      registration: 38,
      cancellation: 3,
      question: 2,
      'automatic-reply': 2,
      'forwarded-registration': 1,
    });
  });

  it('registers 39 people, 3 of whom cancel, leaving the 36 the organiser invites', () => {
    const registering = ofKind('registration', 'forwarded-registration');
    const registered = new Set(registering.flatMap((m) => expectationOf(m).people.map((p) => p.email)));
    expect(registered.size).toBe(39);

    const cancelled = new Set(ofKind('cancellation').flatMap((m) => expectationOf(m).people.map((p) => p.email)));
    expect(cancelled.size).toBe(3);
    for (const email of cancelled) expect(registered.has(email), email).toBe(true);
    expect([...registered].filter((email) => !cancelled.has(email))).toHaveLength(36);

    const sofia = 'sofia.lindqvist@raddabarnen.example';
    expect(registered.has(sofia) && !cancelled.has(sofia)).toBe(true);
  });

  it('has exactly one mail that registers two people, and every registering mail registers someone', () => {
    const registering = ofKind('registration', 'forwarded-registration');
    for (const mail of registering) expect(expectationOf(mail).people.length, mail.subject ?? '').toBeGreaterThanOrEqual(1);
    expect(registering.filter((m) => expectationOf(m).people.length === 2)).toHaveLength(1);
    expect(registering.filter((m) => expectationOf(m).people.length > 2)).toHaveLength(0);
  });

  it('has one duplicate registration: the same person twice, the address in different case', () => {
    const registrations = ofKind('registration');
    const senders = registrations.map((m) => addressOf(m.from));
    expect(new Set(senders.map(normalised)).size).toBe(37);
    const duplicates = senders.filter((a, i) => senders.findIndex((b) => normalised(b) === normalised(a)) !== i);
    expect(duplicates).toHaveLength(1);
    const twice = senders.filter((a) => normalised(a) === normalised(duplicates[0] ?? ''));
    expect(twice).toHaveLength(2);
    expect(twice[0]).not.toBe(twice[1]);
  });

  it('cancels only people who registered earlier, in Swedish and English', () => {
    const cancellations = ofKind('cancellation');
    const registering = ofKind('registration', 'forwarded-registration');
    for (const cancellation of cancellations) {
      for (const person of expectationOf(cancellation).people) {
        const registeredBefore = registering.some(
          (m) => receivedMs(m) < receivedMs(cancellation) && expectationOf(m).people.some((p) => p.email === person.email),
        );
        expect(registeredBefore, person.email).toBe(true);
      }
    }
    const bodies = cancellations.map(bodyOf).join('\n');
    expect(bodies).toContain('avanmäler');
    expect(bodies).toContain('kan tyvärr inte delta');
    expect(bodies).toContain('I have to cancel');
  });

  it('has one Swedish and one English automatic reply, marked as such, registering no one', () => {
    const replies = ofKind('automatic-reply');
    expect(replies.map((m) => (m.subject ?? '').split(':')[0]).sort()).toEqual(['Automatic reply', 'Autosvar']);
    for (const reply of replies) {
      expect(expectationOf(reply).people).toEqual([]);
      expect(reply.internetMessageHeaders).toContainEqual({ name: 'Auto-Submitted', value: 'auto-replied' });
    }
    for (const question of ofKind('question')) expect(expectationOf(question).people).toEqual([]);
  });

  it('has a forward ("VB:"/"Fwd:") whose registrant is the forwarded person, not the sender', () => {
    const [forward, ...more] = ofKind('forwarded-registration');
    expect(more).toHaveLength(0);
    if (forward === undefined) throw new Error('no forward');
    expect(forward.subject).toMatch(/^(VB|Fwd|FW):/i);
    const [registrant, ...others] = expectationOf(forward).people;
    expect(others).toHaveLength(0);
    expect(registrant?.email).not.toBe(normalised(addressOf(forward.from)));
    expect(bodyOf(forward)).toContain(registrant?.email ?? '(none)');
  });

  it('has unique ids, internet message ids, and an expectation for every mail id, in the same order', () => {
    const ids = MAILS.map((m) => m.id);
    expect(new Set(ids).size).toBe(46);
    expect(new Set(MAILS.map((m) => m.internetMessageId)).size).toBe(46);
    expect(SEED_MAIL_EXPECTATIONS.map((e) => e.mailId)).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{20,}$/);
  });

  it('fills in the Graph fields a triage reads', () => {
    for (const mail of MAILS) {
      const label = mail.subject ?? '';
      expect(mail.conversationId, label).toMatch(/^[A-Za-z0-9]+$/);
      expect(mail.internetMessageId, label).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
      expect(label.trim(), label).not.toBe('');
      expect(mail.hasAttachments, label).toBe(false);
      expect(typeof mail.isRead, label).toBe('boolean');
      expect(mail.sender, label).toEqual(mail.from);
      expect(mail.toRecipients, label).toEqual([
        { emailAddress: { name: SEED_ORGANISER.displayName, address: SEED_ORGANISER.mail } },
      ]);
      expect(['text', 'html'], label).toContain(mail.body?.contentType);
      const preview = mail.bodyPreview ?? '';
      expect(preview.length, label).toBeGreaterThan(0);
      expect(Array.from(preview).length, label).toBeLessThanOrEqual(255);
      // A preview cut inside an emoji would leave a lone surrogate, which JSON and screen readers choke on.
      expect(preview, label).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('receives everything in the three weeks before the meeting, oldest first, in Graph UTC form', () => {
    const start = Date.parse(SEED_MEETING_START_ISO);
    let previous = 0;
    for (const mail of MAILS) {
      expect(mail.receivedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(mail.sentDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const received = receivedMs(mail);
      expect(received).toBeLessThan(start);
      expect(received).toBeGreaterThan(start - 21 * DAY_MS);
      expect(received).toBeGreaterThanOrEqual(previous);
      expect(Date.parse(mail.sentDateTime ?? '')).toBeLessThanOrEqual(received);
      previous = received;
    }
    // Spread over the weeks, not bunched: the first and the last mail are more than two weeks apart.
    expect(previous - receivedMs(MAILS[0] ?? {})).toBeGreaterThan(14 * DAY_MS);
  });

  it('comes from seed people or plausible outside addresses, and every address anywhere ends in .example', () => {
    for (const mail of MAILS) {
      const from = normalised(addressOf(mail.from));
      expect(SEED_BY_MAIL.has(from) || /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.example$/.test(from), from).toBe(true);
      const recipients = [mail.from, mail.sender, ...(mail.toRecipients ?? []), ...(mail.ccRecipients ?? [])];
      for (const r of recipients) expect(addressOf(r).toLowerCase()).toMatch(/\.example$/);
      for (const [address] of bodyOf(mail).matchAll(/[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]+/gu)) {
        expect(address.toLowerCase(), mail.subject ?? '').toMatch(/\.example$/);
      }
      for (const [, host] of bodyOf(mail).matchAll(/https?:\/\/([^/\s"'<>?]+)/g)) {
        expect(host, mail.subject ?? '').toMatch(/\.example$/);
      }
    }
  });

  it("says whom each mail registers or cancels in the seed people's own words", () => {
    for (const expectation of SEED_MAIL_EXPECTATIONS) {
      for (const person of expectation.people) {
        const seed = SEED_BY_MAIL.get(person.email);
        expect(seed, person.email).toBeDefined();
        expect(seed?.role).toBe('participant');
        expect(person).toEqual({ name: seed?.displayName, email: normalised(person.email), organisation: seed?.organisation });
      }
    }
    expect(seedMailExpectations(SEED_PEOPLE)).toEqual(SEED_MAIL_EXPECTATIONS);
  });

  it('has about a third HTML bodies, one of them hostile', () => {
    const html = MAILS.filter((m) => m.body?.contentType === 'html');
    expect(html.length).toBeGreaterThanOrEqual(12);
    expect(html.length).toBeLessThanOrEqual(20);
    const hostile = html.filter((m) => /<script\b/i.test(bodyOf(m)));
    expect(hostile).toHaveLength(1);
    const body = bodyOf(hostile[0] ?? {});
    expect(body).toMatch(/\sonerror=/i);
    expect(body).toMatch(/href="javascript:/i);
    // The preview is text: nothing of the script or the markup leaks into it.
    expect(hostile[0]?.bodyPreview).not.toMatch(/document\.cookie|<|onerror|javascript:/);
    expect(expectationOf(hostile[0] ?? {}).kind).toBe('registration');
  });

  it('has a mail with emoji, non-breaking spaces and a name with diacritics', () => {
    const odd = MAILS.filter((m) => /\p{Extended_Pictographic}/u.test(bodyOf(m)) && bodyOf(m).includes('\u00A0'));
    expect(odd).toHaveLength(1);
    expect(bodyOf(odd[0] ?? {}).normalize('NFC')).toContain('Öberg-Ñúñez');
    expect(expectationOf(odd[0] ?? {}).people.map((p) => p.name)).toEqual(['Åsa Öberg-Ñúñez']);
  });

  it('writes in Swedish and in English', () => {
    const bodies = MAILS.map(bodyOf);
    expect(
      bodies.filter((b) => /\b(Best regards|Kind regards|I would like|I'd like|Please register)\b/.test(b)).length,
    ).toBeGreaterThanOrEqual(3);
    expect(bodies.filter((b) => /Med vänlig(a)? hälsning(ar)?|Mvh|Hälsningar/i.test(b)).length).toBeGreaterThanOrEqual(20);
  });

  it('is deterministic, and follows the meeting start it is given', () => {
    expect(seedRegistrationMails(SEED_ORGANISER, SEED_PEOPLE, SEED_MEETING_START_ISO)).toEqual(MAILS);

    const laterStart = '2024-03-05T09:00:00+01:00';
    const later = seedRegistrationMails(SEED_ORGANISER, SEED_PEOPLE, laterStart);
    expect(later.map((m) => m.id)).toEqual(MAILS.map((m) => m.id));
    for (const mail of later) {
      expect(receivedMs(mail)).toBeLessThan(Date.parse(laterStart));
      expect(receivedMs(mail)).toBeGreaterThan(Date.parse(laterStart) - 21 * DAY_MS);
    }
    expect(later.map(bodyOf).join('\n')).toContain('5 mars');
    for (const bad of ['den 12 december', '2023-12-12T13:00:00', '2023-13-45T12:00:00Z']) {
      expect(() => seedRegistrationMails(SEED_ORGANISER, SEED_PEOPLE, bad), bad).toThrow(RangeError);
    }
  });
});
