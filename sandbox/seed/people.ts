/**
 * The sandbox's people: who can sign in to the local Microsoft 365 and who writes to the organiser. The
 * organisations are real Swedish civil-society organisations (the kind the OGP consultation invites); every person
 * is invented, and every address is on a reserved `.example` domain so that no seed mail can ever reach anyone.
 *
 * The organiser comes first and the presenter second, so a consumer that needs "the organiser" of a bare
 * `SandboxPerson[]` (the /sandbox/people control) finds her without a lookup; SEED_ORGANISER and SEED_PRESENTER
 * name them directly. Ids are stable slugs, never derived from the list order, so that state.json and the tests
 * survive edits here.
 */
import type { SandboxAccess, SandboxPerson } from '../contract';

const MINISTRY = 'Finansdepartementet';
const DIGG = 'Myndigheten för digital förvaltning';

/**
 * Each organisation's canonical name and the mail domain its staff use. Signatures in the seed mails sometimes use
 * another form ("SKR", "TI Sverige", "Funktionsrätt"); the names here are the ones a triage is expected to arrive
 * at (SEED_MAIL_EXPECTATIONS in mails.ts).
 */
export const SEED_ORGANISATIONS = {
  raddaBarnen: { name: 'Rädda Barnen', domain: 'raddabarnen.example' },
  civilRightsDefenders: { name: 'Civil Rights Defenders', domain: 'crd.example' },
  transparency: { name: 'Transparency International Sverige', domain: 'transparency-sverige.example' },
  forum: { name: 'Forum – idéburna organisationer med social inriktning', domain: 'socialforum.example' },
  konsumenter: { name: 'Sveriges Konsumenter', domain: 'sverigeskonsumenter.example' },
  naturskydd: { name: 'Naturskyddsföreningen', domain: 'naturskyddsforeningen.example' },
  funktionsratt: { name: 'Funktionsrätt Sverige', domain: 'funktionsratt.example' },
  lsu: { name: 'LSU – Sveriges ungdomsorganisationer', domain: 'lsu.example' },
  openKnowledge: { name: 'Open Knowledge Sverige', domain: 'okfn-sverige.example' },
  journalistforbundet: { name: 'Journalistförbundet', domain: 'sjf.example' },
  skr: { name: 'Sveriges Kommuner och Regioner', domain: 'skr.example' },
  wikimedia: { name: 'Wikimedia Sverige', domain: 'wikimedia-sverige.example' },
  famna: { name: 'Famna', domain: 'famna.example' },
  giva: { name: 'Giva Sverige', domain: 'givasverige.example' },
  rodaKorset: { name: 'Svenska Röda Korset', domain: 'rodakorset.example' },
  amnesty: { name: 'Amnesty International Sverige', domain: 'amnesty-sverige.example' },
  internetstiftelsen: { name: 'Internetstiftelsen', domain: 'internetstiftelsen.example' },
  dataskydd: { name: 'Dataskydd.net', domain: 'dataskydd.example' },
  ideellArena: { name: 'Ideell Arena', domain: 'ideellarena.example' },
  studieforbunden: { name: 'Studieförbunden i samverkan', domain: 'studieforbunden.example' },
  gravandeJournalister: { name: 'Föreningen Grävande Journalister', domain: 'fgj.example' },
  helaSverige: { name: 'Hela Sverige ska leva', domain: 'helasverige.example' },
  fairtrade: { name: 'Fairtrade Sverige', domain: 'fairtrade-sverige.example' },
  dovasRiksforbund: { name: 'Sveriges Dövas Riksförbund', domain: 'sdr.example' },
} as const satisfies Record<string, { readonly name: string; readonly domain: string }>;

type OrganisationKey = keyof typeof SEED_ORGANISATIONS;

/** `first.last` at the organisation's domain: the shape almost every organisation here uses. */
function participant(
  id: string,
  displayName: string,
  organisation: OrganisationKey,
  access?: Exclude<SandboxAccess, 'member'>,
): SandboxPerson {
  const { name, domain } = SEED_ORGANISATIONS[organisation];
  return { id, displayName, mail: `${id}@${domain}`, organisation: name, role: 'participant', ...(access ? { access } : {}) };
}

export const SEED_ORGANISER: SandboxPerson = {
  id: 'maria.envall',
  displayName: 'Maria Envall',
  mail: 'maria.envall@regeringskansliet.example',
  organisation: MINISTRY,
  role: 'organiser',
};

export const SEED_PRESENTER: SandboxPerson = {
  id: 'jonas.lindahl',
  displayName: 'Jonas Lindahl',
  mail: 'jonas.lindahl@digg.example',
  organisation: DIGG,
  role: 'presenter',
};

const PARTICIPANTS: readonly SandboxPerson[] = [
  // The walkthrough switches the Teams side to her: she must register and must not cancel.
  participant('sofia.lindqvist', 'Sofia Lindqvist', 'raddaBarnen'),
  participant('anders.holmgren', 'Anders Holmgren', 'raddaBarnen'),
  participant('leyla.yilmaz', 'Leyla Yilmaz', 'civilRightsDefenders'),
  participant('david.forsberg', 'David Forsberg', 'civilRightsDefenders'),
  participant('miriam.tesfaye', 'Miriam Tesfaye', 'civilRightsDefenders'),
  participant('gustav.ekman', 'Gustav Ekman', 'transparency'),
  participant('ingrid.sandberg', 'Ingrid Sandberg', 'transparency'),
  participant('nils.wallin', 'Nils Wallin', 'transparency'),
  participant('mikael.strand', 'Mikael Strand', 'forum'),
  participant('karin.ek', 'Karin Ek', 'forum'),
  participant('elin.bjork', 'Elin Björk', 'konsumenter'),
  participant('johanna.lund', 'Johanna Lund', 'konsumenter'),
  participant('lina.holm', 'Lina Holm', 'naturskydd'),
  participant('per.akesson', 'Per Åkesson', 'naturskydd'),
  participant('emma.nord', 'Emma Nord', 'naturskydd'),
  participant('tomas.kowalski', 'Tomas Kowalski', 'funktionsratt'),
  participant('annika.blom', 'Annika Blom', 'funktionsratt'),
  participant('amir.haddad', 'Amir Haddad', 'lsu'),
  participant('ebba.lind', 'Ebba Lind', 'lsu'),
  participant('oskar.nilsson', 'Oskar Nilsson', 'lsu'),
  // A volunteer board member who writes from a private address: the organisation is only in the signature.
  {
    id: 'mattias.grahn',
    displayName: 'Mattias Grahn',
    mail: 'mattias.grahn@gmail.example',
    organisation: SEED_ORGANISATIONS.openKnowledge.name,
    role: 'participant',
  },
  participant('sara.viklund', 'Sara Viklund', 'openKnowledge'),
  participant('henrik.dahl', 'Henrik Dahl', 'journalistforbundet'),
  participant('maja.ostlund', 'Maja Östlund', 'journalistforbundet'),
  participant('johan.nystrom', 'Johan Nyström', 'skr'),
  participant('eva.hedlund', 'Eva Hedlund', 'skr'),
  participant('lars.pettersson', 'Lars Pettersson', 'skr'),
  participant('camilla.rosen', 'Camilla Rosén', 'skr'),
  participant('axel.berglund', 'Axel Berglund', 'wikimedia'),
  participant('sanna.hjelm', 'Sanna Hjelm', 'wikimedia'),
  participant('robin.larsen', 'Robin Larsen', 'wikimedia'),
  participant('birgitta.sjoberg', 'Birgitta Sjöberg', 'famna'),
  participant('fredrik.lundgren', 'Fredrik Lundgren', 'giva'),
  participant('nour.alkhatib', 'Nour Al-Khatib', 'rodaKorset'),
  participant('erik.magnusson', 'Erik Magnusson', 'rodaKorset'),
  participant('hanna.engstrom', 'Hanna Engström', 'amnesty'),
  participant('peter.wikstrom', 'Peter Wikström', 'internetstiftelsen'),
  participant('linnea.holmberg', 'Linnea Holmberg', 'internetstiftelsen'),
  participant('kristoffer.aberg', 'Kristoffer Åberg', 'dataskydd'),
  participant('malin.gustafsson', 'Malin Gustafsson', 'ideellArena'),
  participant('ahmed.hassan', 'Ahmed Hassan', 'studieforbunden'),
  // Diacritics in both names and a double-barrelled surname: the ASCII slug is how her mail server spells it.
  participant('asa.oberg-nunez', 'Åsa Öberg-Ñúñez', 'studieforbunden'),
  participant('jonas.almqvist', 'Jonas Almqvist', 'gravandeJournalister'),
  participant('gunilla.persson', 'Gunilla Persson', 'helaSverige'),
  participant('ola.sundberg', 'Ola Sundberg', 'helaSverige'),
  participant('victor.engel', 'Victor Engel', 'fairtrade'),
  participant('lisa.haglund', 'Lisa Haglund', 'dovasRiksforbund'),
];

/** Organiser first, then the presenter, then the participants (see the file comment for why the order matters). */
export const SEED_PEOPLE: readonly SandboxPerson[] = [SEED_ORGANISER, SEED_PRESENTER, ...PARTICIPANTS];

/**
 * Participants who are not members of the ministry's tenant (contract.ts, SandboxAccess): how far Samråd reaches
 * them is measured in docs/reach-matrix.md. None of them wrote a registration mail, so SEED_PEOPLE, the mails and
 * their answer key are untouched; the seed state lists them after SEED_PEOPLE and makes their mailboxes (their own
 * organisations' mail, outside the ministry's Exchange) last, so every id the seed made before them is unchanged.
 */
export const SEED_OUTSIDE_PARTICIPANTS: readonly SandboxPerson[] = [
  // A B2B guest in the ministry's tenant: in Teams as the guest account, her mail at Famna.
  participant('elsa.wahlberg', 'Elsa Wahlberg', 'famna', 'guest'),
  // Joins from Fairtrade's own Microsoft 365 tenant (Teams external access).
  participant('tobias.reinholdsson', 'Tobias Reinholdsson', 'fairtrade', 'external'),
  // Takes part by e-mail only and never opens Teams.
  participant('greta.aronsson', 'Greta Aronsson', 'giva', 'email-only'),
];
