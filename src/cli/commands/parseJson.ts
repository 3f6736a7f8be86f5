import { SamradError } from '../../core/errors';

/** JSON.parse with an error that says where the JSON is broken, in both languages. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new SamradError(
      'invalid-input',
      { sv: `${file} är inte giltig JSON (${detail}).`, en: `${file} is not valid JSON (${detail}).` },
      {
        sv: 'Kontrollera filen; den ska vara ett samråd i JSON, till exempel från "samrad import".',
        en: 'Check the file; it should be a consultation in JSON, e.g. from "samrad import".',
      },
      { cause },
    );
  }
}
