/** Finding people and their mailboxes; a person is named by id or by mail (any case), as Graph allows. */
import type { Recipient } from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../contract';
import type { Mailbox, SandboxState } from './model';

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
