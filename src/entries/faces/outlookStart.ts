/**
 * The Outlook pane's start, in the order the page needs it: the build's sign-in configuration, Office ready (once,
 * bounded), the token provider (nested app authentication, with the Office dialog as fallback) and the host on the
 * open calendar item. Every failure is a typed error with what happened and what to do; nothing here waits
 * forever or guesses the host.
 */
import type { AuthConfig } from '../../hosts/auth/config';
import type { NaaTokenProviderDeps, TokenProvider } from '../../hosts/auth/naaTokenProvider';
import { isSignInError, type SignInError } from '../../hosts/auth/signInError';
import { createOutlookTokenProvider } from '../../hosts/outlook/nestedAppAuth';
import type { OfficeApi } from '../../hosts/outlook/officeApi';
import { createOutlookHost, type OutlookHost } from '../../hosts/outlook/outlookHost';
import { waitForOffice } from '../../hosts/outlook/waitForOffice';
import { signInPages } from '../auth/buildConfig';

/** Office usually answers within a second; a pane still waiting after this long says so. */
export const OFFICE_TIMEOUT_MS = 20_000;

export interface OutlookStartOptions {
  readonly config: AuthConfig | SignInError;
  /** The global office.js defined, or undefined when the script did not load. */
  readonly office: OfficeApi | undefined;
  /** The pane's own address: the sign-in pages are next to it. */
  readonly pageUrl: string;
  readonly timeoutMs?: number;
  /** Tests replace MSAL here. */
  readonly signIn?: NaaTokenProviderDeps;
}

export interface OutlookConnection {
  /** The namespace Office made ready. */
  readonly office: OfficeApi;
  readonly host: OutlookHost;
  readonly tokens: TokenProvider;
}

export async function connectOutlook(options: OutlookStartOptions): Promise<OutlookConnection> {
  const { config } = options;
  // A build without its sign-in settings can do nothing useful in Outlook: say so before waiting for anything.
  if (isSignInError(config)) throw config;
  const ready = await waitForOffice(options.office, options.timeoutMs ?? OFFICE_TIMEOUT_MS);
  const tokens = createOutlookTokenProvider(ready.office, config, signInPages(options.pageUrl), options.signIn);
  const host = createOutlookHost(ready.office, { tokens });
  return { office: ready.office, host, tokens };
}
