/** The time plan of a published agenda between the meeting's start and end, in Stockholm time. */
import { computeTimePlan, type TimePlan } from '../../core/agenda';
import { agendaOfParsed, type ParsedAgenda } from '../../core/publishing/agendaSection';
import { STOCKHOLM } from '../../core/time/zonedTime';

export function planOfAgenda(agenda: ParsedAgenda, start: string, end: string): TimePlan {
  return computeTimePlan({ agenda: agendaOfParsed(agenda), start, end, timeZone: STOCKHOLM });
}
