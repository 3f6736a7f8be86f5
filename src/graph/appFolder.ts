/**
 * Where consultation documents live in the organiser's OneDrive app folder, and how the event's link extension
 * names one: by its path relative to the app folder (`Samrad/consultations/{name}.json`), the form the sandbox's
 * seed and any other tool that writes the link use, so the link still reads if the layout ever grows.
 */
import { documentNamePattern } from '../core/ports/consultationDocument';

export const DOCUMENT_FOLDER = 'Samrad/consultations';

export function documentPathOf(name: string): string {
  return `${DOCUMENT_FOLDER}/${name}.json`;
}

/** The document name in a link's path, or null when the path is not a consultation document's. */
export function documentNameOf(documentPath: string): string | null {
  const prefix = `${DOCUMENT_FOLDER}/`;
  const path = documentPath.replace(/^\/+/, '');
  if (!path.startsWith(prefix) || !path.endsWith('.json')) return null;
  const name = path.slice(prefix.length, -'.json'.length);
  return documentNamePattern.test(name) ? name : null;
}
