/**
 * The review report of an import: what was recognised, what was kept as free text, and what needs a human
 * look. Every line of the invitation ends up in the draft or in this report — nothing is dropped unseen.
 */
import type { Bilingual } from '../errors';
import type { Language } from '../time/format';

/** A note of the report, in both languages. */
export const note = (sv: string, en: string): Bilingual => ({ sv, en });

export interface ReportEntry {
  /** The consultation field concerned, as a path ("start", "agenda.parts[1]", "registration.deadline"). */
  readonly field: string;
  /** 1-based line of the invitation text it came from, when there is one. */
  readonly line: number | null;
  /** The text it is about (a value, or the line kept as free text). */
  readonly text: string;
  readonly note: Bilingual;
}

export interface ImportReport {
  readonly recognised: readonly ReportEntry[];
  readonly keptAsText: readonly ReportEntry[];
  readonly needsReview: readonly ReportEntry[];
}

export class ReportBuilder {
  readonly recognised: ReportEntry[] = [];
  readonly keptAsText: ReportEntry[] = [];
  readonly needsReview: ReportEntry[] = [];

  recognise(field: string, line: number | null, text: string, note: Bilingual): void {
    this.recognised.push({ field, line, text, note });
  }
  keep(field: string, line: number | null, text: string, note: Bilingual): void {
    this.keptAsText.push({ field, line, text, note });
  }
  review(field: string, line: number | null, text: string, note: Bilingual): void {
    this.needsReview.push({ field, line, text, note });
  }
  build(): ImportReport {
    return { recognised: this.recognised, keptAsText: this.keptAsText, needsReview: this.needsReview };
  }
}

const HEADINGS: Record<keyof ImportReport, Bilingual> = {
  recognised: { sv: 'Igenkänt', en: 'Recognised' },
  keptAsText: { sv: 'Behållet som fritext', en: 'Kept as free text' },
  needsReview: { sv: 'Behöver granskas', en: 'Needs review' },
};

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The report as plain text, for the CLI and logs. */
export function formatImportReport(report: ImportReport, language: Language): string {
  const out: string[] = [];
  for (const key of ['recognised', 'keptAsText', 'needsReview'] as const) {
    const entries = report[key];
    out.push(`${HEADINGS[key][language]} (${entries.length})`);
    for (const e of entries) {
      const where = e.line === null ? '' : language === 'sv' ? `rad ${e.line}, ` : `line ${e.line}, `;
      out.push(`  - [${where}${e.field}] ${e.note[language]}${e.text === '' ? '' : `: ${clip(e.text)}`}`);
    }
  }
  return out.join('\n');
}
