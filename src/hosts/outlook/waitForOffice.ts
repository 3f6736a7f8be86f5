/// <reference types="office-js" />
/**
 * Waiting for Office: `Office.onReady` is called once per page (the answer is kept), and the wait is bounded, so a
 * pane whose office.js never loads or never answers says so instead of staying blank. Outside Office, onReady
 * answers with a null host (documented behaviour); that, and any application other than Outlook, is
 * `not-in-outlook`.
 */
import type { OfficeApi, OfficeReadyInfo } from './officeApi';
import { OutlookHostError } from './outlookHostError';

export interface OutlookReady {
  /** The namespace that is now ready, for the calls that follow. */
  readonly office: OfficeApi;
  /** Outlook, unless a dialog page waited with requireOutlook false (then whatever Office said, maybe null). */
  readonly host: Office.HostType | null;
  readonly platform: Office.PlatformType | null;
}

export interface WaitOptions {
  /**
   * False for a page inside an Office dialog (the sign-in page), which needs Office ready but does not check the
   * application: only the pane decides it runs in Outlook.
   */
  readonly requireOutlook?: boolean;
}

const readiness = new WeakMap<OfficeApi, Promise<OfficeReadyInfo>>();

const RELOAD = {
  sv: 'Ladda om tillägget. Om det inte hjälper: kontrollera att nätverket når appsforoffice.microsoft.com, där Microsoft publicerar office.js.',
  en: 'Reload the add-in. If that does not help, check that the network reaches appsforoffice.microsoft.com, where Microsoft publishes office.js.',
};

function unavailable(cause?: unknown): OutlookHostError {
  return new OutlookHostError(
    'office-unavailable',
    { sv: 'Office.js gick inte att läsa in.', en: 'Office.js could not be loaded.' },
    RELOAD,
    cause === undefined ? {} : { cause },
  );
}

function onReadyOnce(office: OfficeApi): Promise<OfficeReadyInfo> {
  let ready = readiness.get(office);
  if (ready === undefined) {
    ready = new Promise<OfficeReadyInfo>((resolve, reject) => {
      try {
        office.onReady().then(resolve, reject);
      } catch (cause) {
        reject(cause instanceof Error ? cause : new Error(String(cause)));
      }
    });
    readiness.set(office, ready);
  }
  return ready;
}

export function waitForOffice(
  office: OfficeApi | undefined,
  timeoutMs: number,
  { requireOutlook = true }: WaitOptions = {},
): Promise<OutlookReady> {
  if (office === undefined || typeof office.onReady !== 'function') return Promise.reject(unavailable());
  const ready = onReadyOnce(office);
  return new Promise<OutlookReady>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new OutlookHostError(
          'office-unavailable',
          {
            sv: `Outlook svarade inte inom ${Math.round(timeoutMs / 1000)} s.`,
            en: `Outlook did not answer within ${Math.round(timeoutMs / 1000)} s.`,
          },
          RELOAD,
        ),
      );
    }, timeoutMs);
    ready.then(
      (info) => {
        clearTimeout(timer);
        if (requireOutlook && (info.host === null || info.host !== office.HostType.Outlook)) {
          reject(
            new OutlookHostError(
              'not-in-outlook',
              {
                sv:
                  info.host === null
                    ? 'Sidan är inte öppnad i Outlook.'
                    : `Sidan är öppnad i ${String(info.host)}, inte i Outlook.`,
                en:
                  info.host === null
                    ? 'The page is not open in Outlook.'
                    : `The page is open in ${String(info.host)}, not in Outlook.`,
              },
              {
                sv: 'Öppna mötet i Outlook och välj Samråd i verktygsfältet.',
                en: 'Open the meeting in Outlook and choose Samråd in the toolbar.',
              },
            ),
          );
        } else {
          resolve({ office, host: info.host, platform: info.platform });
        }
      },
      (cause: unknown) => {
        clearTimeout(timer);
        reject(unavailable(cause));
      },
    );
  });
}
