/**
 * The words of the genre: the headings and "Label: value" labels that Swedish and English consultation
 * invitations use. Matching is on the whole heading or label, case-insensitive, so that ordinary sentences
 * that merely start with such a word are not mistaken for structure.
 */

export type SectionKey =
  'general' | 'background' | 'purpose' | 'practical' | 'agenda' | 'questions' | 'commitments' | 'registration' | 'timeAndPlace';

export type LabelKey = 'dateTime' | 'place' | 'registration' | 'deadline' | 'capacity' | 'organiser' | 'contact';

const HEADINGS: Record<SectionKey, readonly string[]> = {
  general: [
    'allmän information',
    'allmänt',
    'information om samrådet',
    'om samrådet',
    'general information',
    'about the consultation',
  ],
  background: ['bakgrund', 'background'],
  purpose: [
    'syfte',
    'syftet',
    'syfte med samrådet',
    'samrådets syfte',
    'mål',
    'purpose',
    'aim',
    'objective',
    'purpose of the consultation',
  ],
  practical: [
    'praktisk information',
    'praktiska upplysningar',
    'praktiskt',
    'övrigt',
    'practical information',
    'practicalities',
    'other information',
  ],
  agenda: [
    'dagordning',
    'preliminär dagordning',
    'program',
    'programmet',
    'preliminärt program',
    'agenda',
    'preliminary agenda',
    'programme',
    'program för dagen',
    'samrådets innehåll',
    'innehåll',
    'upplägg',
    'mötets upplägg',
    'schedule',
    'content',
  ],
  questions: [
    'diskussionsfrågor',
    'frågor',
    'frågor för diskussion',
    'frågor att diskutera',
    'frågor till samrådet',
    'discussion questions',
    'questions',
    'questions for discussion',
  ],
  commitments: ['åtaganden', 'handlingsplanens åtaganden', 'commitments', 'the commitments'],
  registration: ['anmälan', 'anmälan och kontakt', 'registration', 'how to register'],
  timeAndPlace: ['tid och plats', 'tid och datum', 'när och var', 'time and place', 'date and venue', 'when and where'],
};

const LABELS: Record<LabelKey, readonly string[]> = {
  dateTime: ['tid och datum', 'datum och tid', 'datum', 'tid', 'när', 'tidpunkt', 'date and time', 'date', 'time', 'when'],
  place: ['plats', 'var', 'lokal', 'adress', 'mötesplats', 'place', 'venue', 'location', 'where', 'address'],
  registration: ['anmälan', 'anmäl dig', 'anmälan till', 'anmälan görs till', 'osa', 'registration', 'register', 'rsvp'],
  deadline: [
    'anmälan senast',
    'sista anmälningsdag',
    'sista dag för anmälan',
    'anmäl dig senast',
    'osa senast',
    'registration deadline',
    'register by',
    'deadline',
  ],
  capacity: ['antal platser', 'platser', 'max antal deltagare', 'antal deltagare', 'capacity', 'places', 'seats'],
  organiser: ['arrangör', 'arrangörer', 'värd', 'avsändare', 'organiser', 'organizer', 'host'],
  contact: ['kontakt', 'kontaktperson', 'kontaktpersoner', 'contact', 'contact person'],
};

/** No heading or label is longer than this; longer lines are sentences and need no lookup. */
const MAX_KEY_LENGTH = 60;

function normaliseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const headingIndex = new Map<string, SectionKey>();
for (const [key, words] of Object.entries(HEADINGS) as [SectionKey, readonly string[]][]) {
  for (const w of words) headingIndex.set(w, key);
}
const labelIndex = new Map<string, LabelKey>();
for (const [key, words] of Object.entries(LABELS) as [LabelKey, readonly string[]][]) {
  for (const w of words) labelIndex.set(w, key);
}

export function headingKey(text: string): SectionKey | undefined {
  return text.length > MAX_KEY_LENGTH ? undefined : headingIndex.get(normaliseKey(text));
}

export function labelKey(label: string): LabelKey | undefined {
  return label.length > MAX_KEY_LENGTH ? undefined : labelIndex.get(normaliseKey(label));
}

/**
 * Titles that announce a discussion: questions listed elsewhere belong to such a part or item. No word boundary
 * in front, because Swedish writes compounds ("Gruppdiskussion", "Rundabordssamtal").
 */
export function isDiscussionTitle(title: string): boolean {
  return /(?:diskussion|samtal|dialog|discussion|dialogue|workshop)/i.test(title);
}

/**
 * The formulas that close a letter ("Varmt välkommen!", "Med vänliga hälsningar", "Kind regards"). What follows
 * them is a signature, not part of the programme or of an unknown section. "Välkommen till samråd om …" opens a
 * letter instead, so a welcome counts only when nothing but an exclamation or its sender follows it.
 */
const CLOSINGS: readonly RegExp[] = [
  /^(?:(?:varmt|hjärtligt|mycket) )?välkom(?:men|na)(?:[!.]?$| önskar )/i,
  /^(?:med )?(?:vänlig|vänliga|bästa) hälsning(?:ar)?[,!.]?$/i,
  /^(?:kind|best|warm) regards[,!.]?$/i,
  /^(?:yours sincerely|sincerely)[,!.]?$/i,
  /^(?:you are )?(?:very |warmly )?welcome[!.]?$/i,
  /^we look forward to (?:seeing|meeting|hearing from) you\b/i,
];

/** No closing formula is longer than this. */
export const CLOSING_MAX_LENGTH = MAX_KEY_LENGTH;

export function isClosing(text: string): boolean {
  return text.length <= CLOSING_MAX_LENGTH && CLOSINGS.some((closing) => closing.test(text));
}

/** Online meeting platforms by the names invitations use; the value is how Samråd names the platform. */
export const ONLINE_PLATFORMS: readonly (readonly [RegExp, string])[] = [
  [/\b(microsoft\s+)?teams\b/i, 'Microsoft Teams'],
  [/\bskype\b/i, 'Skype'],
  [/\bzoom\b/i, 'Zoom'],
  [/\bwebex\b/i, 'Webex'],
  [/\bgoogle\s+meet\b/i, 'Google Meet'],
];

/** Words saying a meeting is held online even where no platform is named. */
export const ONLINE_WORDS =
  /\b(digitalt|digital[a]?|online|på distans|distans|videolänk|webbmöte|virtuellt|virtual|remote|videomöte)\b/i;
