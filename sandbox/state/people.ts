/** Finding people and their mailboxes; a person is named by id or by mail (any case), as Graph allows. */
import type { Recipient } from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../contract';
import type { Mailbox, SandboxState, StoredSharedMailbox } from './model';

export function findPerson(state: Readonly<SandboxState>, idOrMail: string): SandboxPerson | undefined {
  const wanted = idOrMail.trim().toLowerCase();
  return state.people.find((p) => p.id.toLowerCase() === wanted || p.mail.toLowerCase() === wanted);
}

export function mailboxOf(state: Readonly<SandboxState>, personId: string): Mailbox {
  const mailbox = state.mailboxes[personId];
  // Every person gets a mailbox when the seed is built; a missing one is a defect in the seed, not a client error.
  if (mailbox === undefined) throw new Error(`The sandbox state has no mailbox for ${personId}.`);
  return mailbox;
}

export function recipientOf(person: SandboxPerson): Recipient {
  return { emailAddress: { name: person.displayName, address: person.mail } };
}

/** Whose mailbox an address or id names: a person's, or a shared mailbox with the people it is shared with. */
export type MailboxHolder =
  | { readonly kind: 'person'; readonly person: SandboxPerson }
  | { readonly kind: 'shared'; readonly mailbox: StoredSharedMailbox };

export function findMailboxHolder(state: Readonly<SandboxState>, idOrMail: string): MailboxHolder | undefined {
  const person = findPerson(state, idOrMail);
  if (person !== undefined) return { kind: 'person', person };
  const wanted = idOrMail.trim().toLowerCase();
  const mailbox = (state.sharedMailboxes ?? []).find((m) => m.id.toLowerCase() === wanted || m.mail.toLowerCase() === wanted);
  return mailbox === undefined ? undefined : { kind: 'shared', mailbox };
}
