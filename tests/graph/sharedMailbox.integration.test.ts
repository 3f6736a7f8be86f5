/**
 * GraphRegistrationMail on a shared mailbox against the sandbox over real HTTP: the ministry's registration
 * mailbox is read by the organiser it is shared with (Mail.Read.Shared), oldest first; anyone else, or a token
 * without the permission, gets a `forbidden` that says the mailbox is not shared with them and what to do, and an
 * address that names no mailbox a `not-found` — neither repeating the address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { isPortError, type PortError } from '../../src/core/ports/errors';
import { GraphRegistrationMail } from '../../src/graph/adapters/registrationMail';
import { GraphClient } from '../../src/graph/http/graphClient';
import { GRAPH_SCOPE_NAMES } from '../../src/hosts/auth/config';
import { startGatewaySandbox, type GatewaySandbox } from './support/sandbox';

const SHARED = 'registrering@regeringskansliet.example';
const SINCE = Date.parse('2023-11-01T00:00:00Z');

let t: GatewaySandbox;
let organiser: SandboxPerson;
let participant: SandboxPerson;

beforeAll(async () => {
  t = await startGatewaySandbox();
  organiser = t.organiser;
  const first = t.participants[0];
  if (first === undefined) throw new Error('The seed has no participants.');
  participant = first;
});
afterAll(() => t.dispose());

async function failure(promise: Promise<unknown>): Promise<PortError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isPortError(error)).toBe(true);
  return error as PortError;
}

function expectNoAddress(error: PortError): void {
  for (const text of [error.what.sv, error.what.en, error.hint.sv, error.hint.en, error.message]) {
    expect(text).not.toContain(SHARED);
  }
}

describe('GraphRegistrationMail on a shared mailbox', () => {
  it('reads the shared mailbox for the person it is shared with, oldest first, and only its mail', async () => {
    const { client, requests } = t.clientFor(organiser);
    const mails = await new GraphRegistrationMail({ client, mailbox: SHARED }).mailsSince(SINCE);
    expect(requests[0]).toContain(`/users/${encodeURIComponent(SHARED)}/mailFolders/inbox/messages?`);
    expect(mails.map((m) => m.from?.email)).toEqual([
      'ola.sundberg@helasverige.example',
      'maja.ostlund@sjf.example',
      'camilla.rosen@skr.example',
    ]);
    expect(mails[0]).toMatchObject({ subject: 'Anmälan till samrådet 12 december', bodyHtml: null });
    expect(mails[0]?.bodyText).toContain('Jag vill anmäla mig');
    const own = await new GraphRegistrationMail({ client }).mailsSince(SINCE);
    expect(own.some((m) => mails.some((shared) => shared.id === m.id))).toBe(false);
  });

  it('refuses a person it is not shared with: forbidden, naming that and what to do', async () => {
    const { client } = t.clientFor(participant);
    const error = await failure(new GraphRegistrationMail({ client, mailbox: SHARED }).mailsSince(SINCE));
    expect(error.code).toBe('forbidden');
    expect(error.what.sv).toContain('inte delad med dig');
    expect(error.what.en).toContain('not shared with you');
    expect(error.hint.sv).toContain('fullständig åtkomst');
    expect(error.hint.en).toContain('full access');
    expect(error.hint.en).toContain('Mail.Read.Shared');
    expectNoAddress(error);
  });

  it('is forbidden too for a token without Mail.Read.Shared, while the own inbox still reads', async () => {
    const client = new GraphClient({
      baseUrl: t.sandbox.graphBaseUrl,
      tokens: {
        getToken: () =>
          Promise.resolve(
            t.sandbox.tokenFor(
              organiser.id,
              GRAPH_SCOPE_NAMES.filter((s) => s !== 'Mail.Read.Shared'),
            ),
          ),
      },
    });
    expect((await failure(new GraphRegistrationMail({ client, mailbox: SHARED }).mailsSince(SINCE))).code).toBe('forbidden');
    expect((await new GraphRegistrationMail({ client }).mailsSince(SINCE)).length).toBeGreaterThan(40);
  });

  it('says when the address names no mailbox: not-found, without the address', async () => {
    const { client } = t.clientFor(organiser);
    const error = await failure(
      new GraphRegistrationMail({ client, mailbox: 'anmalan@regeringskansliet.example' }).mailsSince(SINCE),
    );
    expect(error.code).toBe('not-found');
    expect(error.what.en).toContain('there is no mailbox with the address the consultation names');
    expect(error.what.sv).not.toContain('anmalan@');
  });

  it('leaves the own inbox’s errors as they are (no shared-mailbox wording)', async () => {
    const client = new GraphClient({
      baseUrl: t.sandbox.graphBaseUrl,
      tokens: { getToken: () => Promise.resolve(t.sandbox.tokenFor(organiser.id, ['User.Read'])) },
    });
    const error = await failure(new GraphRegistrationMail({ client }).mailsSince(SINCE));
    expect(error.code).toBe('forbidden');
    expect(error.what.en).not.toContain('shared mailbox');
  });
});
