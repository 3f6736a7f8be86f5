import { Claims } from './spans';

/**
 * Recognising Swedish public-sector organisations in running text, for presenters and the organiser. Names
 * are found by the shapes Swedish authorities' names take ("…departementet", "…myndigheten", "…verket",
 * "Myndigheten för …"), by those of their English names ("Ministry of …", "Swedish … Agency") and by a list of common central agencies whose names have no such shape. A short
 * form in parentheses after a name ("Myndigheten för digital förvaltning (DIGG)") is kept with it.
 */

/** Agencies whose names cannot be told by their shape, longest first where one contains another. */
const KNOWN_NAMES: readonly string[] = [
  'Myndigheten för digital förvaltning',
  'Myndigheten för ungdoms- och civilsamhällesfrågor',
  'Myndigheten för samhällsskydd och beredskap',
  'Myndigheten för delaktighet',
  'Myndigheten för tillgängliga medier',
  'Myndigheten för vård- och omsorgsanalys',
  'Myndigheten för stöd till trossamfund',
  'Myndigheten för press, radio och tv',
  'Myndigheten för kulturanalys',
  'Myndigheten för yrkeshögskolan',
  'Sveriges Kommuner och Regioner',
  'Statistiska centralbyrån',
  'Brottsförebyggande rådet',
  'Post- och telestyrelsen',
  'Statens servicecenter',
  'Regeringskansliet',
  'Statsrådsberedningen',
  'Statskontoret',
  'Riksrevisionen',
  'Kammarkollegiet',
  'Kommerskollegium',
  'Riksarkivet',
  'Lantmäteriet',
  'Försäkringskassan',
  'Arbetsförmedlingen',
  'Vinnova',
  'Sida',
  'Diskrimineringsombudsmannen',
  'Justitieombudsmannen',
  'Barnombudsmannen',
  'Government Offices of Sweden',
  'Prime Minister’s Office',
];

const DEPARTMENT = /(?<![\p{L}\d])[A-ZÅÄÖ][a-zåäö]+(?:- och [a-zåäö]+)?departementet(?![\p{L}\d])/gu;
const SHAPED_AGENCY =
  /(?<![\p{L}\d])[A-ZÅÄÖ][a-zåäö]+(?:- och [a-zåäö]+)?(?:myndigheten|verket|styrelsen|inspektionen|kollegiet|nämnden|ombudsmannen)(?![\p{L}\d])/gu;
/** "Ministry of Rural Affairs and Infrastructure", "Ministry for Foreign Affairs". */
const MINISTRY = /(?<![\p{L}\d])Ministry (?:of|for)(?: (?:the |and )?[A-Z][a-z]+){1,5}(?![\p{L}\d])/gu;
/** "Swedish Post and Telecom Authority", "Swedish Agency for Digital Government", "National Board of Housing". */
const ENGLISH_AGENCY =
  /(?<![\p{L}\d])(?:Swedish|National) (?:[A-Z][a-z]+ (?:and |for |of |the )?){0,4}(?:Agency|Authority|Board|Inspectorate|Council|Office|Institute)(?: (?:for|of) (?:the )?[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,3})?(?![\p{L}\d])/gu;
/** A short form in parentheses right after a name, read where the name ends (sticky), not on a copy of the rest. */
const ABBREVIATION = /\s{0,2}\(([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,9})\)/y;

export interface FoundOrganisation {
  readonly name: string;
  readonly index: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const KNOWN = new RegExp(`(?<![\\p{L}\\d])(?:${KNOWN_NAMES.map(escapeRegExp).join('|')})(?![\\p{L}\\d])`, 'gu');

function abbreviationAfter(text: string, end: number): string | undefined {
  ABBREVIATION.lastIndex = end;
  return ABBREVIATION.exec(text)?.[1];
}

/** Organisations named in a text, each once, in order of first mention. */
export function findOrganisations(text: string): FoundOrganisation[] {
  const hits: FoundOrganisation[] = [];
  const claims = new Claims();
  // Listed names first: "Myndigheten för digital förvaltning" must not be cut down to a shaped "…myndigheten".
  for (const pattern of [KNOWN, DEPARTMENT, SHAPED_AGENCY, MINISTRY, ENGLISH_AGENCY]) {
    for (const m of text.matchAll(pattern))
      if (claims.claim(m.index, m.index + m[0].length)) hits.push({ index: m.index, name: m[0] });
  }
  hits.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const out: FoundOrganisation[] = [];
  for (const hit of hits) {
    const key = hit.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const abbreviation = abbreviationAfter(text, hit.index + hit.name.length);
    out.push({ name: abbreviation === undefined ? hit.name : `${hit.name} (${abbreviation})`, index: hit.index });
  }
  return out;
}

/** A verb of inviting shortly after the name ("Finansdepartementet bjuder in", "… och DIGG välkomnar"). */
const INVITES_AFTER = /\b(?:bjuder|inbjuder|välkomnar|invites|welcomes|inviting)\b/i;
/** The name after the verb ("Den 12 december bjuder Finansdepartementet in", "… önskar Finansdepartementet"). */
const INVITES_BEFORE = /\b(?:bjuder|önskar)\s{1,3}$/i;

/** The organisation that invites: the first one named as the subject of "bjuder in"/"invites", else the first ministry. */
export function findInvitingOrganisation(text: string): string | undefined {
  const all = findOrganisations(text);
  const inviting = all.find((o) => {
    const after = text.slice(o.index + o.name.length, o.index + o.name.length + 40);
    const before = text.slice(Math.max(0, o.index - 30), o.index);
    return INVITES_AFTER.test(after) || INVITES_BEFORE.test(before);
  });
  return (inviting ?? all.find((o) => /departementet|^Ministry/.test(o.name)) ?? all[0])?.name;
}
