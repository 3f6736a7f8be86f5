/**
 * Ports for the personal tab's tests: the strict ports (every other call fails the test), a clock standing at a
 * given instant, and the person's calendar of consultations (or none, as a host without it gives).
 */
import type { MyMeetingsPort } from '../../src/core/ports/myMeetings';
import { fixedClock } from '../../src/core/time/clock';
import type { Ports } from '../../src/views/ports';
import { strictPorts } from './ports';

export function portsWithMyMeetings(myMeetings: MyMeetingsPort | undefined, now: number): Ports {
  const ports = strictPorts({ clock: fixedClock(now) });
  return myMeetings === undefined ? ports : { ...ports, myMeetings };
}
