/// <reference types="office-js" />
/**
 * Waiting for Office: Outlook ready → its host info; office.js missing, a page outside Office (null host),
 * another Office application, onReady failing or never answering → a typed error in both languages. onReady is
 * called once however often the page waits.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { officeFromGlobal, type OfficeApi } from '../../../src/hosts/outlook/officeApi';
import { OutlookHostError } from '../../../src/hosts/outlook/outlookHostError';
import { waitForOffice } from '../../../src/hosts/outlook/waitForOffice';
import { officeMock } from './officeMock';

async function failure(promise: Promise<unknown>): Promise<OutlookHostError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutlookHostError);
  const typed = error as OutlookHostError;
  for (const text of [typed.what, typed.hint]) {
    expect(text.sv).not.toBe('');
    expect(text.en).not.toBe('');
    expect(text.sv).not.toBe(text.en);
  }
  return typed;
}

describe('the Office namespace is injected', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('takes the real office.js global as it is, read only through officeFromGlobal', () => {
    // Checked by the type checker: production passes the CDN's global where tests pass a mock.
    expectTypeOf<typeof Office>().toExtend<OfficeApi>();
    expect(officeFromGlobal()).toBeUndefined();
    const { office } = officeMock();
    (globalThis as { Office?: unknown }).Office = office;
    expect(officeFromGlobal()).toBe(office);
  });
});

describe('waitForOffice', () => {
  it('resolves with the host once Outlook is ready', async () => {
    const { office, calls } = officeMock();
    await expect(waitForOffice(office, 1000)).resolves.toEqual({ office, host: 'Outlook', platform: 'OfficeOnline' });
    expect(calls).toEqual(['onReady']);
  });

  it('calls Office.onReady once, however often the page waits', async () => {
    const { office, calls } = officeMock();
    await Promise.all([waitForOffice(office, 1000), waitForOffice(office, 1000)]);
    await waitForOffice(office, 1000);
    expect(calls.filter((call) => call === 'onReady')).toHaveLength(1);
  });

  it('says office.js did not load when there is no Office global', async () => {
    const error = await failure(waitForOffice(undefined, 1000));
    expect(error.reason).toBe('office-unavailable');
    expect(error.hint.en).toContain('appsforoffice.microsoft.com');
  });

  it('says office.js did not load when the global has no onReady', async () => {
    const error = await failure(waitForOffice({} as OfficeApi, 1000));
    expect(error.reason).toBe('office-unavailable');
  });

  it('says the page is outside Outlook when onReady gives a null host', async () => {
    const { office } = officeMock({ onReady: () => Promise.resolve({ host: null, platform: null }) });
    const error = await failure(waitForOffice(office, 1000));
    expect(error.reason).toBe('not-in-outlook');
    expect(error.what).toEqual({ sv: 'Sidan är inte öppnad i Outlook.', en: 'The page is not open in Outlook.' });
  });

  it('says the page is outside Outlook in another Office application', async () => {
    const { office } = officeMock({ onReady: () => Promise.resolve({ host: 'Word', platform: 'PC' }) });
    const error = await failure(waitForOffice(office, 1000));
    expect(error.reason).toBe('not-in-outlook');
    expect(error.what.en).toBe('The page is open in Word, not in Outlook.');
  });

  it('a page inside an Office dialog waits for Office without checking the application', async () => {
    const { office } = officeMock({ onReady: () => Promise.resolve({ host: null, platform: null }) });
    await expect(waitForOffice(office, 1000, { requireOutlook: false })).resolves.toEqual({ office, host: null, platform: null });
    expect((await failure(waitForOffice(undefined, 1000, { requireOutlook: false }))).reason).toBe('office-unavailable');
  });

  it('says Outlook did not answer when onReady never resolves', async () => {
    const { office } = officeMock({ onReady: () => new Promise(() => undefined) });
    const error = await failure(waitForOffice(office, 20));
    expect(error.reason).toBe('office-unavailable');
    expect(error.what.en).toMatch(/did not answer within/);
  });

  it('turns a rejecting or throwing onReady into office-unavailable, keeping the cause', async () => {
    const cause = new Error('script error');
    const rejecting = officeMock({ onReady: () => Promise.reject(cause) }).office;
    expect((await failure(waitForOffice(rejecting, 1000))).cause).toBe(cause);
    const throwing = officeMock({
      onReady: () => {
        throw cause;
      },
    }).office;
    const error = await failure(waitForOffice(throwing, 1000));
    expect(error.reason).toBe('office-unavailable');
    expect(error.cause).toBe(cause);
  });
});
