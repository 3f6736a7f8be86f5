/**
 * The live agenda as a port whose code loads only when a surface joins: the Live Share adapter (and zod, through
 * the run's schema) stays out of the Teams page's first paint, and Live Share itself loads later still, inside join().
 */
import type { StagePayload } from '../../core/meeting/stagePayload';
import type { LiveAgendaPort } from '../../core/ports';
import type * as LiveShareAdapters from '../../hosts/teams/liveShare';

export function lazyLiveAgenda(create: (adapters: typeof LiveShareAdapters) => LiveAgendaPort): LiveAgendaPort {
  return {
    join: async () => create(await import(/* webpackChunkName: "live-agenda" */ '../../hosts/teams/liveShare')).join(),
  };
}

/** The stage's address payload, encoded by code loaded when the chair first shares (it carries the schema). */
export async function encodeStage(payload: StagePayload): Promise<string> {
  const { encodeStagePayload } = await import(/* webpackChunkName: "stage-payload" */ '../../core/meeting/stagePayload');
  return encodeStagePayload(payload);
}
