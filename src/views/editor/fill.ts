/** Strings with named blanks ("Flytta upp {name}"), filled in per language so word order can differ. */
import type { Bilingual } from '../../core/errors';

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (blank, name: string) => {
    const value = values[name];
    return value === undefined ? blank : String(value);
  });
}

/** The same template filled in both languages, for messages kept until the language is known (notices). */
export function fillBoth(template: Bilingual, values: Readonly<Record<string, string | number>>): Bilingual {
  return { sv: fill(template.sv, values), en: fill(template.en, values) };
}
