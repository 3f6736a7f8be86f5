import type * as z from 'zod/mini';
import type { Bilingual } from '../errors';
import { describeIssue, formatPath } from './messages';
import { consultationSchema, type Consultation } from './schema';

export { formatPath } from './messages';

/**
 * One problem in a consultation document: where (a JSON path such as `agenda.parts[0].items[1].title`) and what,
 * in Swedish and English.
 */
export interface ValidationProblem {
  readonly path: string;
  readonly message: Bilingual;
}

export type ValidationResult =
  | { readonly ok: true; readonly consultation: Consultation }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

function toProblems(error: z.core.$ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
}

/** Validates unknown data (e.g. parsed JSON) as a consultation and returns every problem, not just the first. */
export function validateConsultation(data: unknown): ValidationResult {
  // reportInput: a missing field then shows as an undefined input, so the message can say it is missing.
  const result = consultationSchema.safeParse(data, { reportInput: true });
  return result.success ? { ok: true, consultation: result.data } : { ok: false, problems: toProblems(result.error) };
}
