/**
 * The pieces of Live Share (@microsoft/live-share 1.2.2, on Fluid 1.x) Samråd uses, as types, and the one place that
 * loads the package. Live Share and Fluid weigh ~450 KB gzip, so they are never imported statically: `join()` loads
 * them with a dynamic import that webpack puts in its own chunk ("live-share"), and a page carries none of it until
 * the agenda is run. Type-only imports cost nothing at run time.
 */
import type * as TestClientUtils from '@fluidframework/test-client-utils';
import type * as LiveShare from '@microsoft/live-share';

export type LiveShareModule = typeof LiveShare;
/** What Live Share asks of the meeting host (Teams, or the local test host): container mapping, tokens and roles. */
export type LiveShareHostApi = LiveShare.ILiveShareHost;
export type LiveShareClientOptions = LiveShare.ILiveShareClientOptions;
export type LiveShareJoinResults = LiveShare.ILiveShareJoinResults;
export type LiveShareContainer = LiveShare.ILiveShareJoinResults['container'];
export type LiveShareContainerInfo = LiveShare.IFluidContainerInfo;
export type LiveShareClientInfo = LiveShare.IClientInfo;
export type LiveShareRole = LiveShare.UserMeetingRole;
/** The one live object Samråd shares: a value of unknown shape, checked on every arrival. */
export type LiveStateOfUnknown = LiveShare.LiveState<unknown>;
/** The connection to a local Fluid service (tinylicious): endpoint and token provider. */
export type LocalFluidConnection = Extract<NonNullable<LiveShare.ILiveShareClientOptions['connection']>, { type: 'local' }>;

export async function loadLiveShare(): Promise<LiveShareModule> {
  return import(/* webpackChunkName: "live-share" */ '@microsoft/live-share');
}

/** Fluid's token provider for a local service: it signs its own tokens, which only a local service accepts. */
export type InsecureTokenProviderClass = typeof TestClientUtils.InsecureTokenProvider;

export async function loadInsecureTokenProvider(): Promise<InsecureTokenProviderClass> {
  const utils = await import(/* webpackChunkName: "live-share" */ '@fluidframework/test-client-utils');
  return utils.InsecureTokenProvider;
}
