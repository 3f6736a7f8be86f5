/**
 * The stage as its address says, following the address: a share that changes only the fragment (`#stage=…`, the run
 * after a change) does not reload the page, in Teams' frame or in the workbench's, so the page reads it again on
 * every `hashchange`.
 */
import { useEffect, useState } from 'react';
import { StageView } from './meetingFaces';
import { stagePayloadOf } from './teamsPage';

export function StageFollowingAddress() {
  const [encoded, setEncoded] = useState(() => stagePayloadOf(new URL(window.location.href)));
  useEffect(() => {
    const follow = (): void => setEncoded(stagePayloadOf(new URL(window.location.href)));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return <StageView encoded={encoded} />;
}
