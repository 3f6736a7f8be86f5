/**
 * The two languages of every user-facing string. Views read the language from context and their strings from
 * a table with both languages side by side, so a string missing in one language is a type error.
 */
import { createContext, useContext } from 'react';
import type { Language } from '../core/time/format';

export type { Language };

export type Strings<K extends string> = Record<K, Record<Language, string>>;

export const LanguageContext = createContext<Language>('sv');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** Picks one language out of a two-language table. */
export function useStrings<K extends string>(table: Strings<K>): Record<K, string> {
  const language = useLanguage();
  const out = {} as Record<K, string>;
  for (const key of Object.keys(table) as K[]) out[key] = table[key][language];
  return out;
}
