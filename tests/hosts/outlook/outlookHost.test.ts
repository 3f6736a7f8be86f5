/**
 * The Outlook host over office-addin-mock, in both modes: the organiser's compose form (getItemIdAsync, the
 * consent to save a new appointment, saveAsync, the body) and an attendee's read copy (itemId), the REST id
 * Graph uses, the language, the theme, and every way it can fail.
 */
import { describe, expect, it, vi } from 'vitest';
import { createOutlookHost, languageOfDisplayLanguage } from '../../../src/hosts/outlook/outlookHost';
import { OutlookHostError } from '../../../src/hosts/outlook/outlookHostError';
import { EWS_ID, failed, ok, officeMock, restIdOf, type MockOptions } from './officeMock';

const tokens = { getToken: () => Promise.resolve('graph-token') };

function host(options: MockOptions = {}) {
  const mock = officeMock(options);
  return { ...mock, host: createOutlookHost(mock.office, { tokens }) };
}

const never = (): Promise<boolean> => Promise.reject(new Error('confirmSave must not be asked'));

async function failure(promise: Promise<unknown>): Promise<OutlookHostError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutlookHostError);
  return error as OutlookHostError;
}

function thrown(run: () => unknown): OutlookHostError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OutlookHostError);
    return error as OutlookHostError;
  }
  throw new Error('expected a throw');
}

describe('the host', () => {
  it('is the Outlook host with Graph, the signed-in token and the mode of the item', async () => {
    const organiser = host().host;
    expect(organiser).toMatchObject({
      kind: 'outlook',
      mode: 'organizer',
      language: 'sv',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    });
    expect(await organiser.getAccessToken()).toBe('graph-token');
    expect(host({ mode: 'attendee' }).host.mode).toBe('attendee');
  });

  it.each([
    ['sv-SE', 'sv'],
    ['sv-FI', 'sv'],
    ['SV', 'sv'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['fi-FI', 'en'],
    ['svk', 'en'],
    ['', 'en'],
  ] as const)("Office's display language %j → %s", (displayLanguage, language) => {
    expect(languageOfDisplayLanguage(displayLanguage)).toBe(language);
    expect(host({ displayLanguage }).host.language).toBe(language);
  });

  it('refuses a message (Samråd opens on meetings)', () => {
    const error = thrown(() => host({ item: { itemType: 'message', itemId: EWS_ID } }));
    expect(error.reason).toBe('unsupported');
    expect(error.what).toEqual({
      sv: 'Samråd öppnas på ett möte, inte på ett meddelande.',
      en: 'Samråd opens on a meeting, not on a message.',
    });
  });

  it('refuses an appointment it can read neither as compose nor as read form', () => {
    expect(thrown(() => host({ item: { itemType: 'appointment' } })).reason).toBe('unsupported');
  });

  it('says when Outlook has no item open', () => {
    expect(thrown(() => host({ item: null })).reason).toBe('no-item');
  });

  it('says when Office has no mailbox (not Outlook)', () => {
    const mock = officeMock();
    const office = { ...mock.office, context: { displayLanguage: 'sv-SE' } };
    expect(thrown(() => createOutlookHost(office, { tokens })).reason).toBe('not-in-outlook');
  });
});

describe("the item's Graph id", () => {
  it("attendee: the read item's itemId, converted to a REST v2.0 id", async () => {
    const { host: attendee, calls } = host({ mode: 'attendee' });
    await expect(attendee.getItemRestId({ confirmSave: never })).resolves.toBe(restIdOf(EWS_ID));
    expect(calls).toEqual(['convertToRestId']);
  });

  it('organiser, saved appointment: getItemIdAsync, converted; nothing saved', async () => {
    const { host: organiser, calls } = host({ saved: true });
    await expect(organiser.getItemRestId({ confirmSave: never })).resolves.toBe(restIdOf(EWS_ID));
    expect(calls).toEqual(['getItemIdAsync', 'convertToRestId']);
  });

  it('organiser, new appointment: asks first, saves only after a yes, then converts the saved id', async () => {
    const { host: organiser, calls } = host({ saved: false });
    const confirmSave = vi.fn(() => Promise.resolve(true));
    await expect(organiser.getItemRestId({ confirmSave })).resolves.toBe(restIdOf(EWS_ID));
    expect(confirmSave).toHaveBeenCalledOnce();
    expect(calls).toEqual(['getItemIdAsync', 'saveAsync', 'convertToRestId']);
  });

  it('organiser, new appointment, saved without an id in the answer: asks Outlook for the id again', async () => {
    const { host: organiser, calls } = host({ saved: false, saveResult: { status: 'succeeded', value: '' } });
    await expect(organiser.getItemRestId({ confirmSave: () => Promise.resolve(true) })).resolves.toBe(restIdOf(EWS_ID));
    expect(calls).toEqual(['getItemIdAsync', 'saveAsync', 'getItemIdAsync', 'convertToRestId']);
  });

  it('organiser, new appointment, the user says no: save-refused, and nothing is saved', async () => {
    const { host: organiser, calls } = host({ saved: false });
    const error = await failure(organiser.getItemRestId({ confirmSave: () => Promise.resolve(false) }));
    expect(error.reason).toBe('save-refused');
    expect(error.hint.en).toMatch(/no invitations are sent/);
    expect(error.hint.sv).toMatch(/inga inbjudningar skickas/);
    expect(calls).toEqual(['getItemIdAsync']);
  });

  it('organiser, new appointment, saveAsync fails: a typed error with Office details and advice', async () => {
    const { host: organiser, calls } = host({
      saved: false,
      saveResult: failed(9002, 'SaveError', 'The item could not be saved.'),
    });
    const error = await failure(organiser.getItemRestId({ confirmSave: () => Promise.resolve(true) }));
    expect(error).toMatchObject({
      reason: 'callback-failed',
      what: { en: 'Outlook could not save the meeting.' },
      office: { code: 9002, name: 'SaveError' },
    });
    expect(error.hint.en).toMatch(/Save the meeting yourself/);
    expect(calls).toEqual(['getItemIdAsync', 'saveAsync']);
  });

  it('organiser, saved locally but not yet on the server (cached mode): item-not-saved', async () => {
    const { office, calls } = officeMock({ saved: false });
    const item = office.context.mailbox?.item as { saveAsync: (callback: (result: unknown) => void) => void };
    // A save that succeeds while the id stays unavailable.
    item.saveAsync = (callback) => {
      calls.push('saveAsync');
      callback({ status: 'succeeded', value: '' });
    };
    const organiser = createOutlookHost(office, { tokens });
    const error = await failure(organiser.getItemRestId({ confirmSave: () => Promise.resolve(true) }));
    expect(error.reason).toBe('item-not-saved');
    expect(error.office).toMatchObject({ name: 'ItemNotSaved' });
  });

  it('organiser: another getItemIdAsync failure is reported, and the user is not asked to save', async () => {
    const { office } = officeMock();
    const item = office.context.mailbox?.item as { getItemIdAsync: (callback: (result: unknown) => void) => void };
    item.getItemIdAsync = (callback) => {
      callback(failed(9017, 'GenericResponseError'));
    };
    const error = await failure(createOutlookHost(office, { tokens }).getItemRestId({ confirmSave: never }));
    expect(error).toMatchObject({ reason: 'callback-failed', office: { code: 9017, name: 'GenericResponseError' } });
  });

  it('organiser: an Outlook without getItemIdAsync (before Mailbox 1.8) is unsupported, and nothing is saved', async () => {
    const { office, calls } = officeMock();
    const item = office.context.mailbox?.item as { getItemIdAsync?: unknown };
    delete item.getItemIdAsync;
    const error = await failure(createOutlookHost(office, { tokens }).getItemRestId({ confirmSave: never }));
    expect(error.reason).toBe('unsupported');
    expect(error.what.en).toMatch(/Mailbox 1\.8/);
    expect(calls).toEqual([]);
  });

  it.each(['OutlookIOS', 'OutlookAndroid'])('on %s the id is already a REST id: no conversion', async (hostName) => {
    const { host: attendee, calls } = host({ mode: 'attendee', hostName });
    await expect(attendee.getItemRestId({ confirmSave: never })).resolves.toBe(EWS_ID);
    expect(calls).toEqual([]);
  });

  it.each(['OutlookWebApp', 'newOutlookWindows', 'Outlook'])('on %s the id is converted', async (hostName) => {
    await expect(host({ mode: 'attendee', hostName }).host.getItemRestId({ confirmSave: never })).resolves.toBe(restIdOf(EWS_ID));
  });

  it('a convertToRestId that throws becomes a typed error', async () => {
    const { office } = officeMock({ mode: 'attendee' });
    const mailbox = office.context.mailbox as unknown as { convertToRestId: () => string };
    mailbox.convertToRestId = () => {
      throw new Error('Not supported');
    };
    const error = await failure(createOutlookHost(office, { tokens }).getItemRestId({ confirmSave: never }));
    expect(error.reason).toBe('unsupported');
    expect(error.cause).toEqual(new Error('Not supported'));
  });

  it('an attendee item with an empty id is no-item', async () => {
    const attendee = host({ item: { itemType: 'appointment', itemId: '' } }).host;
    expect((await failure(attendee.getItemRestId({ confirmSave: never }))).reason).toBe('no-item');
  });

  it('asks Outlook once; the saved id is kept for the pane', async () => {
    const { host: organiser, calls } = host({ saved: false });
    const confirmSave = vi.fn(() => Promise.resolve(true));
    const [first, second] = await Promise.all([
      organiser.getItemRestId({ confirmSave }),
      organiser.getItemRestId({ confirmSave }),
    ]);
    expect(await organiser.getItemRestId({ confirmSave })).toBe(first);
    expect(second).toBe(first);
    expect(confirmSave).toHaveBeenCalledOnce();
    expect(calls.filter((call) => call === 'saveAsync')).toHaveLength(1);
  });

  it('after a refusal it asks again next time', async () => {
    const { host: organiser } = host({ saved: false });
    const confirmSave = vi.fn<() => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    await expect(organiser.getItemRestId({ confirmSave })).rejects.toMatchObject({ reason: 'save-refused' });
    await expect(organiser.getItemRestId({ confirmSave })).resolves.toBe(restIdOf(EWS_ID));
    expect(confirmSave).toHaveBeenCalledTimes(2);
  });
});

describe('the invitation body', () => {
  it('organiser: reads and writes it as HTML', async () => {
    const { host: organiser, calls, body } = host({ body: '<p>Join block</p>' });
    await expect(organiser.getBodyHtml()).resolves.toBe('<p>Join block</p>');
    await organiser.setBodyHtml('<div id="samrad-section">Agenda</div><p>Join block</p>');
    expect(body()).toBe('<div id="samrad-section">Agenda</div><p>Join block</p>');
    expect(calls).toEqual(['body.getAsync(html)', 'body.setAsync(html)']);
  });

  it("attendee: the body is not Samråd's to change", async () => {
    const attendee = host({ mode: 'attendee' }).host;
    const writing = await failure(attendee.setBodyHtml('<p>x</p>'));
    expect(writing.reason).toBe('unsupported');
    expect(writing.what.sv).toBe('Inbjudans text kan bara ändras av mötets organisatör.');
    expect((await failure(attendee.getBodyHtml())).reason).toBe('unsupported');
  });

  it('a failing body.setAsync is a typed error', async () => {
    const { office } = officeMock();
    const body = (office.context.mailbox?.item as { body: { setAsync: unknown } }).body;
    body.setAsync = (_html: string, _options: unknown, callback: (result: unknown) => void) => {
      callback(failed(9020, 'DataWriteError'));
    };
    const error = await failure(createOutlookHost(office, { tokens }).setBodyHtml('<p>x</p>'));
    expect(error).toMatchObject({ reason: 'callback-failed', office: { name: 'DataWriteError' } });
    expect(error.what.en).toBe('Outlook could not write the agenda into the invitation.');
  });
});

describe('the signed-in mailbox', () => {
  it('names it by its address, lower-cased, or null when Outlook does not say', () => {
    const { office } = officeMock();
    expect(createOutlookHost(office, { tokens }).userEmail).toBeNull();
    const mailbox = office.context.mailbox as unknown as Record<string, unknown>;
    mailbox['userProfile'] = { emailAddress: ' Maria.Envall@Regeringskansliet.example ' };
    expect(createOutlookHost(office, { tokens }).userEmail).toBe('maria.envall@regeringskansliet.example');
  });
});

describe("the meeting's time in the organiser's form", () => {
  it('reads start and end through getAsync, in Stockholm time', async () => {
    const { office } = officeMock();
    const item = office.context.mailbox?.item as unknown as Record<string, unknown>;
    item['start'] = { getAsync: (callback: (r: unknown) => void) => callback(ok(new Date('2024-03-05T09:00:00Z'))) };
    item['end'] = { getAsync: (callback: (r: unknown) => void) => callback(ok(new Date('2024-03-05T10:30:00Z'))) };
    await expect(createOutlookHost(office, { tokens }).getComposeTimes()).resolves.toEqual({
      start: '2024-03-05T10:00:00+01:00',
      end: '2024-03-05T11:30:00+01:00',
    });
  });

  it('says so when Outlook gives no time, or fails to', async () => {
    const { office } = officeMock();
    const item = office.context.mailbox?.item as unknown as Record<string, unknown>;
    expect((await failure(createOutlookHost(office, { tokens }).getComposeTimes())).reason).toBe('unsupported');
    item['start'] = { getAsync: (callback: (r: unknown) => void) => callback(failed(9002, 'InternalError')) };
    item['end'] = new Date('2024-03-05T10:30:00Z');
    expect((await failure(createOutlookHost(office, { tokens }).getComposeTimes())).reason).toBe('callback-failed');
  });
});

describe('the Office theme', () => {
  it.each([
    [{ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' }, false],
    [{ bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff' }, true],
    [{ bodyBackgroundColor: '#000', bodyForegroundColor: '#fff' }, true],
    [{ bodyBackgroundColor: '#333333', bodyForegroundColor: 'not a colour' }, true],
    [{ bodyBackgroundColor: '#eeeeee', bodyForegroundColor: '' }, false],
  ])('%j → dark %s', (theme, isDark) => {
    expect(host({ theme }).host.officeTheme()).toEqual({ ...theme, isDark });
  });

  it('is null when Office gives no theme or an unreadable one', () => {
    expect(host().host.officeTheme()).toBeNull();
    expect(host({ theme: { bodyBackgroundColor: 'transparent', bodyForegroundColor: '#000' } }).host.officeTheme()).toBeNull();
  });
});
