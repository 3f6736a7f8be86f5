/**
 * What a mail is, from the phrases people use. The rules are data (tables of phrases in Swedish and English, each
 * with the label the reason quotes) and are applied per sentence, because what a phrase means depends on its
 * sentence: a registration phrase in a question ("Hur anmäler jag mig?") asks, a cancellation phrase about a
 * named colleague ("Maja kan tyvärr inte delta") is not the sender's, and "drar tillbaka min anmälan" mentions a
 * registration only to withdraw it.
 */

export interface PhraseRule {
  readonly id: string;
  /** The phrase as the reason quotes it. */
  readonly label: string;
  readonly pattern: RegExp;
}

/** Whole words only; JavaScript's \b does not know å, ä or ö. */
function words(source: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
}

const rule = (id: string, label: string, source: string, flags?: string): PhraseRule => ({
  id,
  label,
  pattern: words(source, flags),
});

const NUMBER = '\\d{1,2}|två|tre|fyra|fem|sex|sju|åtta|nio|tio|two|three|four|five|six|seven|eight|nine|ten';
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** Phrases that say someone registers. Past tense ("anmälde mig", "already registered") is deliberately absent. */
export const REGISTRATION_RULES: readonly PhraseRule[] = [
  // Present tense and passive ("Härmed anmäls Anna Berg"): the past ("anmälde") only reports.
  rule('sv-anmaler', 'anmäler mig', 'anmäler|anmäls'),
  rule('sv-anmal-mig', 'anmäl mig', 'anmäl (?:gärna )?(?:mig|oss)'),
  rule(
    'sv-vill-delta',
    'vill delta',
    '(?:vill|önskar|skulle vilja|skulle gärna vilja) (?:jag |vi )?(?:gärna |också |även |härmed |jättegärna )?(?:anmäla|delta|medverka|närvara|vara med|komma)',
  ),
  rule(
    'sv-skulle-garna',
    'skulle gärna vara med',
    'skulle (?:gärna|jättegärna|mycket gärna) (?:vilja )?(?:vara med|delta|komma|medverka|anmäla)',
  ),
  rule('sv-deltar-garna', 'deltar gärna', '(?:deltar|kommer|är) (?:mycket |jätte)?gärna'),
  rule(
    'sv-kommer-att-delta',
    'kommer att delta',
    '(?:jag|vi) (?:kommer att|tänker|planerar att) (?:delta|närvara|vara med|komma)',
  ),
  rule('sv-jag-deltar', 'jag deltar', '(?:jag|vi) (?:deltar|närvarar)(?! inte)'),
  rule('sv-min-anmalan', 'här är min anmälan', '(?:skickar|här kommer|här är|härmed) (?:min|vår|en) anmälan'),
  rule('sv-tackar-ja', 'tackar ja', 'tackar (?:gärna )?ja'),
  rule('sv-rakna-med-mig', 'räkna med mig', '(?:räkna|skriv upp|notera) (?:med )?(?:mig|oss)'),
  rule(
    'sv-vi-blir',
    'vi blir två',
    `vi (?:blir|kommer|är)(?: alltså| därför)? (?:${NUMBER})(?: personer| deltagare| stycken| st)?`,
  ),
  rule(
    'en-would-like',
    'I would like to register',
    "(?:I|we)(?: would|'d|’d| wish| want| hope)(?: like| love)? to (?:register|attend|participate|join|sign up|take part)",
  ),
  rule('en-register-me', 'please register me', '(?:register|sign up|add|enrol|enroll) (?:me|us|myself)'),
  rule('en-count-me-in', 'count me in', 'sign me up|count (?:me|us) in'),
  rule('en-will-attend', 'I will attend', "(?:I|we) (?:will|'ll|’ll|shall) (?:attend|participate|be there|join)"),
  rule(
    'en-pleased-to',
    'I am pleased to attend',
    "(?:I am|I'm|I’m|we are|we're|we’re|I'd be|I’d be|I would be|we'd be|we’d be|we would be) (?:very )?(?:happy|pleased|glad|delighted) to (?:register|attend|participate|join|accept|take part)",
  ),
  rule(
    'en-accept',
    'I accept the invitation',
    '(?:I|we) (?:hereby )?(?:accept|confirm) (?:the|your|my|our) (?:invitation|participation|attendance)',
  ),
  rule(
    'en-my-registration',
    'here is my registration',
    "(?:here is|this is|here's) (?:my|our) registration|I hereby register|(?:I am|I'm|I’m) registering",
  ),
  rule('en-we-will-be', 'we will be two', `we (?:will|'ll|’ll) be (?:${NUMBER})|(?:${NUMBER}) of us`),
];

/** Requests that register even though they are questions ("Kan du anmäla mig?", "Could you register me?"). */
export const REQUEST_RULES: readonly PhraseRule[] = [
  rule(
    'sv-kan-du-anmala',
    'kan du anmäla mig',
    '(?:kan|skulle|vill) (?:du|ni) (?:\\p{L}+ ){0,2}(?:anmäla|registrera|skriva upp|lägga till) (?:mig|oss)',
  ),
  rule(
    'en-could-you-register',
    'could you register me',
    '(?:could|can|would|will) you (?:please |kindly )?(?:register|sign up|add|enrol|enroll) (?:me|us)',
  ),
];

/** Phrases that withdraw a registration or say the writer will not come. */
export const CANCELLATION_RULES: readonly PhraseRule[] = [
  rule('sv-avanmaler', 'avanmäler', 'avanmä(?:ler|la|lan|lde|ld|ls)'),
  rule(
    'sv-kan-inte',
    'kan tyvärr inte',
    'kan (?:jag |vi )?(?:tyvärr |dessvärre |ändå )?inte (?:längre )?(?:delta|komma|närvara|medverka|vara med)|kan (?:jag |vi )?(?:tyvärr|dessvärre) inte',
  ),
  rule(
    'sv-aterbud',
    'lämnar återbud',
    '(?:måste|behöver|vill) (?:tyvärr |dessvärre )?(?:lämna återbud|ställa in|avboka|tacka nej)|återbud',
  ),
  rule('sv-stryk-mig', 'stryk mig', '(?:stryk|ta bort|avregistrera) (?:gärna )?(?:mig|oss|min anmälan|vår anmälan|mitt namn)'),
  rule('sv-drar-tillbaka', 'drar tillbaka min anmälan', '(?:drar|dra|återkallar) (?:härmed )?(?:tillbaka )?(?:min|vår) anmälan'),
  rule('sv-forhinder', 'har fått förhinder', '(?:har|fått|fick|får) (?:jag |vi )?(?:tyvärr |dessvärre )?(?:fått )?förhinder'),
  rule(
    'sv-kommer-inte',
    'kommer inte att kunna delta',
    '(?:kommer|blir) (?:jag |vi )?(?:tyvärr |dessvärre )?inte (?:att )?(?:kunna )?(?:delta|komma|närvara|vara med)|har (?:jag |vi )?(?:tyvärr |dessvärre )?inte möjlighet att (?:delta|komma|närvara)',
  ),
  rule('sv-tackar-nej', 'tackar nej', 'tackar (?:tyvärr |dessvärre )?nej'),
  rule('en-cancel', 'cancel my registration', 'cancel (?:my|our|the) (?:registration|attendance|participation|place|spot|seat)'),
  rule(
    'en-cannot-attend',
    'cannot attend',
    "(?:cannot|can't|can’t|can not|won't be able to|won’t be able to|will not be able to|am unable to|are unable to|unable to|no longer able to|not able to) (?:attend|participate|join|make it|come|be there)",
  ),
  rule('en-withdraw', 'withdraw my registration', '(?:withdraw|retract) (?:my|our) (?:registration|participation|attendance)'),
  rule('en-remove-me', 'remove me from the list', '(?:remove|take) (?:me|us|my name) (?:from|off)'),
  rule(
    'en-have-to-cancel',
    'have to cancel',
    '(?:have|need|must) to cancel|(?:send|sending) (?:my |our )?regrets|decline the invitation',
  ),
];

/** Phrases of out-of-office and other automatic replies, in their body. */
export const AUTOMATIC_REPLY_RULES: readonly PhraseRule[] = [
  rule(
    'sv-ledig',
    'är på semester',
    '(?:är|befinner mig) (?:på semester|ledig|föräldraledig|tjänstledig|sjukskriven|bortrest|på tjänsteresa|borta|inte på kontoret)',
  ),
  rule(
    'sv-laser-inte',
    'läser inte min e-post',
    'läser inte (?:min |mina )?(?:e-post|mejl|mail|mejlen)|begränsad tillgång till (?:e-post|mejl|mail|dator)',
  ),
  rule('sv-automatiskt', 'automatiskt svar', '(?:detta|det här) är ett automatiskt (?:svar|meddelande)|automatiskt genererat'),
  rule(
    'en-out-of-office',
    'out of the office',
    "(?:I am|I'm|I’m) (?:currently )?(?:out of (?:the )?office|away from (?:the )?office|on (?:annual |parental |sick )?leave|on holiday|on vacation)|out of the office with",
  ),
  rule(
    'en-limited-access',
    'limited access to e-mail',
    "limited access to (?:my )?e-?mail|(?:I will|I’ll|I'll) (?:be back|return) (?:on|in)",
  ),
  rule('en-automatic', 'automatic reply', 'this is an automatic(?:ally generated)? (?:reply|message|response)'),
];

/** Subjects of automatic replies and bounces, anywhere in the subject ("Autosvar: Inbjudan …"). */
export const AUTOMATIC_REPLY_SUBJECT = words(
  'automatiskt svar|autosvar|automatic reply|auto(?:matic)?[- ]?reply|autoreply|out of (?:the )?office|frånvaro(?:meddelande)?|frånvarande|semestersvar|abwesenheitsnotiz|undeliverable|olevererbart|delivery status notification|mail delivery failed|returned mail',
);

const QUESTION_RULES: readonly PhraseRule[] = [
  rule('sv-undrar', 'undrar', 'undrar|(?:jag|vi) har (?:en|några|ett par|två|tre) (?:frågor|fråga)'),
  rule(
    'en-wonder',
    'I wonder',
    'I (?:was )?wonder(?:ing)?|(?:I|we) have (?:a|some|two|three|a few) (?:questions?)|could you (?:tell|let me know|confirm)',
  ),
];

/** How a clause that asks begins: a question word, or a verb first. */
const QUESTION_START =
  /^(?:kan|går|hur|får|ska|skall|måste|behöver|finns|blir|är|vad|var|när|vilken|vilket|vilka|varför|vem|undrar|can|could|would|will|is|are|do|does|how|what|when|where|which|who|why|should|may|shall)(?![\p{L}])/iu;
const CLAUSE_BREAK = /\s*[,;:–—]\s+|\s+(?:men|but|eller|or)\s+/;

/** A sentence that asks: it ends with a question mark or wonders out loud. */
const QUESTION_SENTENCE =
  /\?\s*[)"”’]?\s*$|(?<![\p{L}])(?:undrar (?:om|hur|när|var|vad|vilk)|wonder(?:ing)? (?:if|whether|how|when|what))/iu;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

/** Reply and forward prefixes of a subject, in the languages Outlook and Gmail write them. */
const SUBJECT_PREFIX = /^\s*(?:(?:re|sv|aw|vs|antw|fw|fwd|vb|wg|tr|fs|vl|rv)\s*(?:\[\d+\])?\s*:\s*)+/i;
const FORWARD_PREFIX = /(?:^|[\s:])(?:fw|fwd|vb|wg|tr|fs|vl|rv)\s*:/i;

const SUBJECT_REGISTRATION = words(
  'anmälan|anmäler|anmäla|anmäl mig|registration|register|sign[- ]?up|deltagande|vill delta|rsvp',
);
const SUBJECT_CANCELLATION = words('avanmälan|avanmäler|återbud|cancellation|cancel|cancelled|tackar nej|withdrawal');
const SUBJECT_QUESTION = words('fråga|frågor|question|questions|undran|query');

// The writer as subject or object: what makes a cancellation their own. Possessives do not ("min kollega Per
// kan inte komma" is about Per). "I" is matched in its case only: Swedish "i" is a preposition.
const SELF_SV = words('jag|mig');
const SELF_EN = words("I|I'm|I’m|I'd|I’d|I'll|I’ll|I've", 'u');
const SELF_EN_OBJECT = words('me|myself');
/** "kan tyvärr inte delta hela dagen": part of the meeting missed is not a cancellation. */
const PARTIAL = words(
  'hela (?:dagen|tiden|mötet|samrådet|eftermiddagen|förmiddagen|passet)|från början|till slutet|första (?:timmen|halvan|delen)|sista (?:timmen|halvan|delen)|the whole|the entire|all of it|until the end|from the start|the first (?:hour|half|part)|the last (?:hour|half|part)',
);
// A person's name written out: two capitalised words ("Maja Östlund", "Sanna Hjelm").
const NAMED_PERSON = /(?<![\p{L}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}])/gu;

/** The sender includes themselves among the people a list registers. */
const SELF_INTENT = words(
  'anmäler (?:härmed |gärna |också |även )?(?:mig|oss)|anmäl (?:gärna )?(?:mig|oss)|\\((?:jag|mig själv)\\)|(?:jag|mig) själv|jag och|och jag|och mig|mig och|vill (?:gärna |också )?(?:delta|vara med|komma|anmäla mig)|jag (?:deltar|kommer)|skulle gärna vara med|' +
    "register (?:me|us|myself)|\\((?:me|myself)\\)|myself|me and|and me|and I|(?:I|we) (?:would|'d|’d) like to (?:register|attend|participate|join)|I will attend",
);
/** The rest of a group is already registered ("jag anmäler mig också", "har redan anmält sig"). */
const OTHERS_ALREADY = words('också|även|redan|also|already|as well');
const COUNT = words(
  `vi (?:blir|kommer|är)(?: alltså| därför)? (${NUMBER})|(${NUMBER}) (?:deltagare|personer) från|we (?:will|'ll|’ll) be (${NUMBER})|(${NUMBER}) (?:of us|participants|people)`,
);

export interface RuleHit {
  readonly id: string;
  readonly label: string;
  /** The sentence it fired in (mail text: for the rules' own use, never put into a reason). */
  readonly sentence: string;
}

export interface TextSignals {
  /** Registration phrases outside questions and outside sentences that cancel. */
  readonly registration: readonly RuleHit[];
  /** Cancellations in the first person, or with nobody else named. */
  readonly selfCancellation: readonly RuleHit[];
  /** Cancellations about someone else the mail names. */
  readonly otherCancellation: readonly RuleHit[];
  readonly automatic: readonly RuleHit[];
  readonly question: RuleHit | null;
  /** "vi blir två": how many people the writer says come, when said. */
  readonly count: number | null;
  readonly othersAlreadyRegistered: boolean;
  readonly selfIntent: boolean;
}

function firstHit(rules: readonly PhraseRule[], sentence: string): PhraseRule | undefined {
  return rules.find((r) => r.pattern.test(sentence));
}

function numberOf(word: string): number | null {
  const value = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
  return value !== undefined && value >= 1 && value <= 99 ? value : null;
}

/** How many people a text says come ("vi blir två", "två deltagare från Forum", "we will be three"). */
export function countOf(text: string): number | null {
  const m = COUNT.exec(text);
  // Only the alternative that matched has its group; the others are undefined whatever the array's type says.
  const word = m?.slice(1).find((g: string | undefined) => g !== undefined);
  return word === undefined ? null : numberOf(word);
}

function isAboutSomeoneElse(sentence: string, isOrganisation: (text: string) => boolean): boolean {
  if (SELF_SV.test(sentence) || SELF_EN.test(sentence) || SELF_EN_OBJECT.test(sentence)) return false;
  for (const m of sentence.matchAll(NAMED_PERSON)) if (!isOrganisation(m[0])) return true;
  return false;
}

/**
 * What a question sentence states besides asking: "Jag skulle vilja delta, kan du föra det vidare?" states a
 * registration; "Hur anmäler jag mig?" and "I was wondering whether … who cannot make it" state nothing.
 */
function statedPart(sentence: string): string {
  return sentence
    .split(CLAUSE_BREAK)
    .filter((clause) => !clause.includes('?') && !QUESTION_START.test(clause.trim()) && !QUESTION_SENTENCE.test(clause))
    .join(', ');
}

/** Reads every rule over the sentences of the writer's own text (quotes already removed). */
export function readSignals(sentences: readonly string[], isOrganisation: (text: string) => boolean): TextSignals {
  const registration: RuleHit[] = [];
  const selfCancellation: RuleHit[] = [];
  const otherCancellation: RuleHit[] = [];
  const automatic: RuleHit[] = [];
  let question: RuleHit | null = null;
  let count: number | null = null;
  let othersAlreadyRegistered = false;
  let selfIntent = false;

  for (const raw of sentences) {
    const sentence = raw.replace(/\s+/g, ' ');
    const asks = QUESTION_SENTENCE.test(sentence.replace(URL, ''));
    const asking = asks ? { id: 'question-mark', label: '?', sentence } : firstHit(QUESTION_RULES, sentence);
    if (question === null && asking !== undefined) question = { id: asking.id, label: asking.label, sentence };

    const stated = asks ? statedPart(sentence) : sentence;
    const cancelPhrase = firstHit(CANCELLATION_RULES, stated);
    const cancel = cancelPhrase !== undefined && !PARTIAL.test(sentence) ? cancelPhrase : undefined;
    if (cancel !== undefined) {
      const hit = { id: cancel.id, label: cancel.label, sentence };
      (isAboutSomeoneElse(sentence, isOrganisation) ? otherCancellation : selfCancellation).push(hit);
    }
    const auto = firstHit(AUTOMATIC_REPLY_RULES, sentence);
    if (auto !== undefined) automatic.push({ id: auto.id, label: auto.label, sentence });

    // A registration phrase in a clause that asks ("Hur anmäler jag mig?") does not register; a request does. One
    // in a cancelling sentence ("vill gärna delta men kan tyvärr inte") is kept, so the two conflict and the mail
    // goes to review rather than either way on a guess.
    const register = firstHit(REGISTRATION_RULES, stated) ?? firstHit(REQUEST_RULES, sentence);
    if (register === undefined) continue;
    registration.push({ id: register.id, label: register.label, sentence });
    count ??= countOf(stated);
    othersAlreadyRegistered ||= OTHERS_ALREADY.test(sentence);
    selfIntent ||= SELF_INTENT.test(sentence);
  }
  // "…, tillsammans med X som redan anmält sig." may follow in its own sentence.
  if (registration.length > 0 && !othersAlreadyRegistered)
    othersAlreadyRegistered = sentences.some((s) => OTHERS_ALREADY.test(s) && /anmäl|regist/i.test(s));
  return { registration, selfCancellation, otherCancellation, automatic, question, count, othersAlreadyRegistered, selfIntent };
}

export interface SubjectSignals {
  /** The subject without Re:/SV:/VB:/Fwd: prefixes. */
  readonly topic: string;
  readonly registration: boolean;
  readonly cancellation: boolean;
  readonly question: boolean;
  readonly automatic: boolean;
  /** The subject marks a forward (VB:, FW:, Fwd: …). */
  readonly forward: boolean;
  readonly count: number | null;
}

export function readSubject(subject: string): SubjectSignals {
  const prefix = SUBJECT_PREFIX.exec(subject)?.[0] ?? '';
  const topic = subject.slice(prefix.length).replace(/\s+/g, ' ').trim();
  const cancellation = SUBJECT_CANCELLATION.test(topic);
  return {
    topic,
    // "Avanmälan" contains "anmälan" only inside a word, which `words` already refuses; the check keeps it explicit.
    registration: !cancellation && SUBJECT_REGISTRATION.test(topic),
    cancellation,
    question: SUBJECT_QUESTION.test(topic),
    automatic: AUTOMATIC_REPLY_SUBJECT.test(subject),
    forward: FORWARD_PREFIX.test(prefix),
    count: countOf(topic),
  };
}

/** Says whether a text carries a registration phrase (any sentence, no exclusions): for tests and the forward check. */
export function hasRegistrationPhrase(text: string): boolean {
  return REGISTRATION_RULES.some((r) => r.pattern.test(text));
}
