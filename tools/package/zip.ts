/**
 * The app package as a zip that is the same bytes every time for the same files: entries in a fixed order (by
 * name, compared by code unit) and one fixed modification time.
 */
import { zipSync, type Zippable } from 'fflate';

/**
 * The modification time of every entry: 1 January 1980, 12:00. fflate writes an entry's DOS date and time from
 * the Date's local-time fields, so the Date is made from local fields at each call (not once at load: the time
 * zone may change in between) and the bytes are the same in every time zone. Noon keeps clear of any midnight
 * daylight-saving change.
 */
export function zipMtime(): Date {
  return new Date(1980, 0, 1, 12, 0, 0);
}

export function zipPackage(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: Zippable = {};
  for (const name of names) {
    const bytes = files.get(name);
    if (bytes !== undefined) entries[name] = bytes;
  }
  return zipSync(entries, { level: 9, mtime: zipMtime() });
}
