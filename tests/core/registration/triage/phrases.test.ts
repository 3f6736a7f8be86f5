/**
 * The phrase rules, table by table: what registers, what cancels (and whose cancellation it is), what a machine
 * writes, what asks, and how subjects and counts are read. Each table has the phrasings that must fire and the
 * near misses that must not (past tense, questions about registering, a colleague's cancellation).
 */
import { describe, expect, it } from 'vitest';
import { countOf, readSignals, readSubject } from '../../../../src/core/registration/triage';
import { organisationDirectory } from '../../../../src/core/registration/triage/organisations';
import { sentencesOf } from '../../../../src/core/registration/triage/text';

const directory = organisationDirectory(['Rädda Barnen', 'Sveriges Kommuner och Regioner']);
const signals = (text: string): ReturnType<typeof readSignals> => readSignals(sentencesOf(text.split('\n')), directory.isKnown);

describe('registration phrases', () => {
  it.each([
    ['Jag anmäler mig till samrådet.', 'sv-anmaler'],
    ['Anmäler mig härmed till samrådet den 12 december.', 'sv-anmaler'],
    ['Härmed anmäler jag mig till samrådet.', 'sv-anmaler'],
    ['Civil Rights Defenders anmäler härmed David Forsberg till samrådet.', 'sv-anmaler'],
    ['Härmed anmäls Anna Berg till samrådet.', 'sv-anmaler'],
    ['Vi vill gärna delta i samrådet – anmäl mig gärna.', 'sv-anmal-mig'],
    ['Vi vill gärna delta i samrådet.', 'sv-vill-delta'],
    ['Jag vill anmäla mig till samrådet.', 'sv-vill-delta'],
    ['Då vill jag gärna anmäla mig.', 'sv-vill-delta'],
    ['Jag skulle vilja anmäla mig till samrådet.', 'sv-vill-delta'],
    ['Jag skulle gärna vara med på samrådet.', 'sv-skulle-garna'],
    ['Jag deltar gärna i samrådet.', 'sv-deltar-garna'],
    ['Tack, jag kommer gärna!', 'sv-deltar-garna'],
    ['Jag kommer att delta.', 'sv-kommer-att-delta'],
    ['Här är min anmälan.', 'sv-min-anmalan'],
    ['Jag skickar min anmälan en gång till: Johan Nyström, SKR.', 'sv-min-anmalan'],
    ['Jag tackar ja till inbjudan.', 'sv-tackar-ja'],
    ['Räkna med mig!', 'sv-rakna-med-mig'],
    ['Vi blir två från Forum.', 'sv-vi-blir'],
    ["I would like to register for the consultation on Sweden's OGP action plan.", 'en-would-like'],
    ["I'd like to register for the OGP consultation.", 'en-would-like'],
    ['We would like to attend.', 'en-would-like'],
    ['Please register me for the consultation.', 'en-register-me'],
    ['Count me in for the 14th!', 'en-count-me-in'],
    ['I will attend.', 'en-will-attend'],
    ["I'd be happy to attend.", 'en-pleased-to'],
    ['I hereby accept the invitation.', 'en-accept'],
    ['Here is my registration.', 'en-my-registration'],
    ['Kan du anmäla mig också?', 'sv-kan-du-anmala'],
    ['Could you register me for the consultation too?', 'en-could-you-register'],
  ])('"%s" registers (%s)', (sentence, id) => {
    expect(signals(sentence).registration.map((h) => h.id)).toEqual([id]);
  });

  it.each([
    'Jag anmälde mig till samrådet förra veckan och har två frågor:',
    'Min kollega har redan anmält sig.',
    'Before I register, two practical questions about the consultation:',
    'Hur anmäler jag mig till samrådet?',
    'Kan jag anmäla mig, eller är det fullt?',
    'Går det att anmäla två personer?',
    'Gäller det anmälan till LSU:s utbildningar, kontakta kansliet.',
    'My colleague Sanna Hjelm is still registered and will attend for Wikimedia Sverige.',
    'Lina skickade sin anmälan till vår funktionsbrevlåda, så jag vidarebefordrar den här.',
    'Jag avanmäler mig härmed.',
    'I have already registered.',
    'Anmälan senast 10 mars.',
  ])('"%s" does not register', (sentence) => {
    expect(signals(sentence).registration).toEqual([]);
  });
});

describe('cancellation phrases and whose cancellation it is', () => {
  it.each([
    ['Jag avanmäler mig från samrådet.', 'sv-avanmaler'],
    ['Mikael Strand anmälde oss båda till samrådet, men jag avanmäler mig härmed.', 'sv-avanmaler'],
    ['Det har dykt upp en krock – jag kan tyvärr inte delta den 12 december.', 'sv-kan-inte'],
    ['Tyvärr kan jag inte delta ändå.', 'sv-kan-inte'],
    ['Jag kan inte längre komma.', 'sv-kan-inte'],
    ['Jag måste tyvärr lämna återbud.', 'sv-aterbud'],
    ['Återbud till torsdagens samråd.', 'sv-aterbud'],
    ['Stryk mig gärna från listan.', 'sv-stryk-mig'],
    ['Jag drar tillbaka min anmälan.', 'sv-drar-tillbaka'],
    ['Har fått förhinder.', 'sv-forhinder'],
    ['Jag kommer tyvärr inte att kunna delta.', 'sv-kommer-inte'],
    ['Tyvärr kommer jag inte att kunna komma.', 'sv-kommer-inte'],
    ['Jag tackar nej.', 'sv-tackar-nej'],
    // The writer's organisation is not a third person: its writer is not coming either.
    ['Rädda Barnen kan tyvärr inte delta.', 'sv-kan-inte'],
    ['Unfortunately I have to cancel my registration for the consultation.', 'en-cancel'],
    ['Unfortunately I cannot attend the consultation after all.', 'en-cannot-attend'],
    ["I won't be able to make it.", 'en-cannot-attend'],
    ['Please withdraw my registration.', 'en-withdraw'],
    ['Please remove me from the list.', 'en-remove-me'],
    ['I have to send my regrets.', 'en-have-to-cancel'],
  ])('"%s" is the writer’s own cancellation (%s)', (sentence, id) => {
    const read = signals(sentence);
    expect(read.selfCancellation.map((h) => h.id)).toEqual([id]);
    expect(read.otherCancellation).toEqual([]);
  });

  it.each([
    'Maja Östlund, som brukar bevaka OGP-frågorna hos oss, kan tyvärr inte delta den här gången.',
    'Min kollega Per Holm kan tyvärr inte komma.',
    'Sanna Hjelm cannot attend.',
  ])('"%s" is someone else’s cancellation', (sentence) => {
    const read = signals(sentence);
    expect(read.otherCancellation).toHaveLength(1);
    expect(read.selfCancellation).toEqual([]);
  });

  it.each([
    'Jag kan tyvärr inte delta hela dagen.',
    'I cannot attend the whole meeting, only the first hour.',
    'Vad händer om jag inte kan komma?',
    'I was wondering whether the meeting will be recorded for those who cannot make it.',
  ])('"%s" cancels nobody', (sentence) => {
    const read = signals(sentence);
    expect(read.selfCancellation).toEqual([]);
    expect(read.otherCancellation).toEqual([]);
  });

  it('keeps both when one sentence registers and cancels, so the mail is not decided on a guess', () => {
    const read = signals('Jag vill gärna delta men kan tyvärr inte den 14 mars.');
    expect(read.registration).toHaveLength(1);
    expect(read.selfCancellation).toHaveLength(1);
  });
});

describe('automatic replies', () => {
  it.each([
    'Automatiskt svar: Inbjudan till samråd',
    'Autosvar: Inbjudan till samråd',
    'Automatic reply: Invitation',
    'Out of Office: Invitation',
    'Frånvaro: Inbjudan',
    'Frånvaromeddelande',
    'Undeliverable: Inbjudan',
    'SV: Automatiskt svar: Inbjudan',
  ])('the subject "%s" is an automatic reply’s', (subject) => {
    expect(readSubject(subject).automatic).toBe(true);
  });

  it.each(['Anmälan', 'SV: Inbjudan till samråd', 'Frågor om samrådet', 'Autumn meeting'])(
    'the subject "%s" is not',
    (subject) => {
      expect(readSubject(subject).automatic).toBe(false);
    },
  );

  it.each([
    ['Jag är föräldraledig under hösten och läser inte min e-post.', 'sv-ledig'],
    ['Tack för ditt mejl. Jag läser inte min e-post förrän 18 mars.', 'sv-laser-inte'],
    ['Detta är ett automatiskt svar.', 'sv-automatiskt'],
    ['I am out of the office with limited access to e-mail.', 'en-out-of-office'],
    ['Thank you for your message, I will be back on Monday.', 'en-limited-access'],
    ['This is an automatically generated reply.', 'en-automatic'],
  ])('the body "%s" is an out-of-office notice (%s)', (text, id) => {
    expect(signals(text).automatic.map((h) => h.id)).toContain(id);
  });
});

describe('questions', () => {
  it.each([
    'Kommer det att finnas teckenspråkstolkning?',
    'Går det att delta digitalt? Och finns det tolk?',
    'Jag undrar om det blir lunch.',
    'I was wondering whether the meeting will be recorded.',
    'I have two questions: the language and the link.',
    'Will the meeting be held in Swedish only, or can we contribute in English?',
  ])('"%s" asks', (text) => {
    expect(signals(text).question).not.toBeNull();
  });

  it.each(['Jag anmäler mig.', 'Läs mer på https://example.org/?a=1 om du vill.', 'Tack för inbjudan!'])(
    '"%s" does not ask',
    (text) => {
      expect(signals(text).question).toBeNull();
    },
  );
});

describe('subjects', () => {
  it.each([
    [
      'Anmälan till samråd',
      { topic: 'Anmälan till samråd', registration: true, cancellation: false, question: false, forward: false },
    ],
    [
      'SV: Anmälan samråd OGP',
      { topic: 'Anmälan samråd OGP', registration: true, cancellation: false, question: false, forward: false },
    ],
    [
      'VB: Anmälan till OGP-samrådet',
      { topic: 'Anmälan till OGP-samrådet', registration: true, cancellation: false, question: false, forward: true },
    ],
    ['Fwd: Re: Registration', { topic: 'Registration', registration: true, cancellation: false, question: false, forward: true }],
    ['RE: FW: Consultation', { topic: 'Consultation', registration: false, cancellation: false, question: false, forward: true }],
    [
      'Avanmälan samråd 12 december',
      { topic: 'Avanmälan samråd 12 december', registration: false, cancellation: true, question: false, forward: false },
    ],
    [
      'Cancellation – OGP consultation',
      { topic: 'Cancellation – OGP consultation', registration: false, cancellation: true, question: false, forward: false },
    ],
    [
      'Fråga om teckenspråkstolkning',
      { topic: 'Fråga om teckenspråkstolkning', registration: false, cancellation: false, question: true, forward: false },
    ],
    [
      'Question about the OGP consultation',
      { topic: 'Question about the OGP consultation', registration: false, cancellation: false, question: true, forward: false },
    ],
  ])('"%s"', (subject, expected) => {
    expect(readSubject(subject)).toMatchObject(expected);
  });
});

describe('counts', () => {
  it.each([
    ['Vi blir två från Forum som vill delta.', 2],
    ['vi blir alltså två från SKR', 2],
    ['Vi kommer 3 från Unizon.', 3],
    ['Anmälan – två deltagare från Forum', 2],
    ['We will be three.', 3],
    ['Four of us will come.', 4],
    ['Vi kommer gärna.', null],
    ['Jag anmäler mig.', null],
  ])('"%s" → %s', (text, count) => {
    expect(countOf(text)).toBe(count);
  });

  it('knows when the rest of the group is already registered', () => {
    expect(signals('Jag anmäler mig också – vi blir alltså två från Rädda Barnen.').othersAlreadyRegistered).toBe(true);
    expect(signals('Anmäler mig. Min kollega har redan anmält sig, vi blir alltså två.').othersAlreadyRegistered).toBe(true);
    expect(signals('Vi blir två från Forum som vill delta.').othersAlreadyRegistered).toBe(false);
  });

  it('knows when the writer includes themselves among those registered', () => {
    expect(signals('Jag anmäler oss båda: mig själv och min kollega.').selfIntent).toBe(true);
    expect(signals('Härmed anmäler vi följande tre personer från Scouterna.').selfIntent).toBe(false);
    expect(signals('Vi blir två från Forum som vill delta:').selfIntent).toBe(true);
  });
});
