/**
 * The reason shown with each triaged mail, in Swedish and English. It is built from the rule that decided and the
 * review reasons only — never from the mail's text — so it is short, says why, and carries nothing a sender wrote.
 * Rule labels are the product's own phrases ("anmäler mig"), quoted as such.
 */
import type { Bilingual } from '../../errors';
import type { OrganisationSource, ReviewReason, TriageKind } from './types';

export type Basis =
  | { readonly kind: 'auto-flag' }
  | { readonly kind: 'auto-subject' }
  | { readonly kind: 'auto-text'; readonly label: string }
  | { readonly kind: 'phrase'; readonly label: string }
  | { readonly kind: 'forwarded'; readonly label: string }
  | { readonly kind: 'someone-else'; readonly label: string }
  | { readonly kind: 'form' }
  | { readonly kind: 'question' }
  | { readonly kind: 'subject' }
  | { readonly kind: 'own-side' }
  | { readonly kind: 'nothing' };

const KIND_TEXTS: Readonly<Record<TriageKind, Bilingual>> = {
  registration: { sv: 'Anmälan', en: 'Registration' },
  cancellation: { sv: 'Avanmälan', en: 'Cancellation' },
  question: { sv: 'Fråga', en: 'Question' },
  'automatic-reply': { sv: 'Automatiskt svar', en: 'Automatic reply' },
  other: { sv: 'Övrigt', en: 'Other' },
};

export const REVIEW_REASON_TEXTS: Readonly<Record<ReviewReason, Bilingual>> = {
  'low-confidence': { sv: 'osäker tolkning', en: 'uncertain reading' },
  'conflicting-signals': { sv: 'motstridiga signaler', en: 'conflicting signals' },
  forwarded: { sv: 'vidarebefordrad av någon annan', en: 'forwarded by someone else' },
  'several-people': { sv: 'flera personer i samma mejl', en: 'several people in one mail' },
  'no-usable-address': { sv: 'saknar användbar e-postadress', en: 'no usable e-mail address' },
  'name-uncertain': { sv: 'namnet är gissat', en: 'the name is a guess' },
  'count-mismatch': { sv: 'antalet personer stämmer inte med texten', en: 'the number of people does not match the text' },
  'organisation-conflict': {
    sv: 'organisationen i texten och adressens domän skiljer sig',
    en: 'the organisation in the text and the address’s domain differ',
  },
  'for-someone-else': { sv: 'gäller någon annan än avsändaren', en: 'concerns someone other than the sender' },
  'address-differs': {
    sv: 'svar eller inbjudan ska till en annan adress',
    en: 'replies or the invitation should go to another address',
  },
  'shared-address': {
    sv: 'skickat från en gemensam adress (info@, kansli@), inte personens egen',
    en: 'sent from a shared address (info@, kansli@), not the person’s own',
  },
  'long-mail': { sv: 'långt mejl, bara början lästes', en: 'long mail, only the beginning was read' },
};

function basisText(basis: Basis): Bilingual {
  switch (basis.kind) {
    case 'auto-flag':
      return {
        sv: 'meddelandet är märkt som automatiskt (Auto-Submitted)',
        en: 'the message is marked as automatic (Auto-Submitted)',
      };
    case 'auto-subject':
      return { sv: 'ämnesraden visar att det är ett autosvar', en: 'the subject is that of an automatic reply' };
    case 'auto-text':
      return {
        sv: `texten är ett frånvarobesked (”${basis.label}”)`,
        en: `the text is an out-of-office notice ("${basis.label}")`,
      };
    case 'phrase':
      return { sv: `texten säger ”${basis.label}”`, en: `the text says "${basis.label}"` };
    case 'forwarded':
      return { sv: `i det vidarebefordrade mejlet står ”${basis.label}”`, en: `the forwarded mail says "${basis.label}"` };
    case 'someone-else':
      return { sv: `texten säger ”${basis.label}” om någon annan`, en: `the text says "${basis.label}" about someone else` };
    case 'form':
      return { sv: 'mejlet är ett ifyllt anmälningsformulär', en: 'the mail is a filled-in registration form' };
    case 'question':
      return { sv: 'texten ställer en fråga utan att anmäla någon', en: 'the text asks a question without registering anyone' };
    case 'subject':
      return { sv: 'bara ämnesraden tyder på det', en: 'only the subject suggests it' };
    case 'own-side':
      return { sv: 'skickat från arrangörens egen adress', en: 'sent from the organiser’s own address' };
    case 'nothing':
      return {
        sv: 'inget tyder på anmälan, avanmälan eller fråga',
        en: 'nothing suggests a registration, cancellation or question',
      };
  }
}

const ORGANISATION_SOURCE_TEXTS: Partial<Readonly<Record<OrganisationSource, Bilingual>>> = {
  domain: { sv: 'Organisationen är härledd ur adressens domän.', en: 'The organisation is inferred from the address’s domain.' },
  body: { sv: 'Organisationen är nämnd i texten.', en: 'The organisation is mentioned in the text.' },
};

export function describeTriage(
  kind: TriageKind,
  basis: Basis,
  reviewReasons: readonly ReviewReason[],
  organisationSources: readonly (OrganisationSource | null)[],
): Bilingual {
  const what = basisText(basis);
  const sv = [`${KIND_TEXTS[kind].sv}: ${what.sv}.`];
  const en = [`${KIND_TEXTS[kind].en}: ${what.en}.`];
  for (const source of new Set(organisationSources)) {
    const text = source === null ? undefined : ORGANISATION_SOURCE_TEXTS[source];
    if (text === undefined) continue;
    sv.push(text.sv);
    en.push(text.en);
  }
  if (reviewReasons.length > 0) {
    sv.push(`Granska: ${reviewReasons.map((r) => REVIEW_REASON_TEXTS[r].sv).join(', ')}.`);
    en.push(`Review: ${reviewReasons.map((r) => REVIEW_REASON_TEXTS[r].en).join(', ')}.`);
  }
  return { sv: sv.join(' '), en: en.join(' ') };
}
