/**
 * The sign-in pages are not React: they show one short message in place of the page's shell, in both languages
 * (the person's language is not known there), as plain DOM text.
 */
import type { Bilingual } from '../../core/errors';

export interface PageMessage {
  readonly what: Bilingual;
  readonly hint?: Bilingual;
}

/** Samråd's typed errors say what happened and what to do; anything else is shown as it is. */
export function messageOfError(error: unknown): PageMessage {
  if (typeof error === 'object' && error !== null) {
    const { what, hint } = error as { what?: Partial<Bilingual>; hint?: Partial<Bilingual> };
    if (
      typeof what?.sv === 'string' &&
      typeof what.en === 'string' &&
      typeof hint?.sv === 'string' &&
      typeof hint.en === 'string'
    ) {
      return { what: { sv: what.sv, en: what.en }, hint: { sv: hint.sv, en: hint.en } };
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    what: { sv: `Inloggningen misslyckades: ${detail}`, en: `Sign-in failed: ${detail}` },
    hint: {
      sv: 'Stäng fönstret och välj Logga in i Samråd igen.',
      en: 'Close the window and choose Sign in in Samråd again.',
    },
  };
}

export function showPageMessage(message: PageMessage, role: 'status' | 'alert'): void {
  const root = document.getElementById('root');
  if (root === null) return;
  const box = document.createElement('div');
  box.setAttribute('role', role);
  box.style.cssText = "font-family:'Segoe UI',system-ui,sans-serif;font-size:14px;line-height:20px;padding:12px";
  for (const language of ['sv', 'en'] as const) {
    const paragraph = document.createElement('p');
    paragraph.lang = language;
    const what = document.createElement('strong');
    what.textContent = message.what[language];
    paragraph.append(what);
    if (message.hint !== undefined) paragraph.append(` ${message.hint[language]}`);
    box.append(paragraph);
  }
  root.replaceChildren(box);
}
