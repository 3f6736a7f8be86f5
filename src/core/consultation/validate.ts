import type * as z from 'zod';
import { consultationSchema, type Consultation } from './schema';

/** One problem in a consultation document: where (a JSON path such as `agenda.parts[0].items[1].title`) and what. */
export interface ValidationProblem {
  readonly path: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly ok: true; readonly consultation: Consultation }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(document)' : out;
}

function toProblems(error: z.ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Validates unknown data (e.g. parsed JSON) as a consultation and returns every problem, not just the first. */
export function validateConsultation(data: unknown): ValidationResult {
  const result = consultationSchema.safeParse(data);
  return result.success ? { ok: true, consultation: result.data } : { ok: false, problems: toProblems(result.error) };
}
