import { computeTimePlan, describeTimePlanStatus } from '../../core/agenda';
import { validateConsultation } from '../../core/consultation/validate';
import { formatClock, formatMeetingTime, type Language } from '../../core/time/format';
import { EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from '../io';
import type { ParsedArgs } from '../main';
import { parseJson } from './parseJson';

const UNKNOWN = { sv: 'okänd längd', en: 'unknown length' } as const;

/** The time plan as an official reads it: one row per item with its clock times, then the plan's state. */
export function runPlan(text: string, args: ParsedArgs, io: CliIo): number {
  const result = validateConsultation(parseJson(text, args.file));
  if (!result.ok) {
    for (const problem of result.problems) io.err(`${args.file}: ${problem.path}: ${problem.message[args.language]}`);
    return EXIT_INVALID_INPUT;
  }
  const c = result.consultation;
  const plan = computeTimePlan({ agenda: c.agenda, start: c.start, end: c.end, timeZone: c.timeZone });
  const lang: Language = args.language;
  io.out(c.title);
  io.out(`${formatMeetingTime(plan.start, plan.end, plan.timeZone, lang)} (${plan.timeZone})`);
  io.out('');
  for (const item of plan.items) {
    const when =
      item.start !== null && item.end !== null
        ? `${formatClock(item.start, plan.timeZone, lang)}–${formatClock(item.end, plan.timeZone, lang)}`
        : '     ?     ';
    const length = item.durationMinutes === null ? UNKNOWN[lang] : `${item.durationMinutes} min`;
    io.out(`${when}  ${item.partTitle}: ${item.itemTitle} (${length})`);
  }
  io.out('');
  io.out(describeTimePlanStatus(plan, lang));
  return EXIT_OK;
}
