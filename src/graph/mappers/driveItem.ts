/** Graph driveItem → the ETag of the stored document. */
import { driveItemShape, invalidResponse, read } from './shapes';

export function etagOfDriveItem(json: unknown): string {
  const item = read(driveItemShape, json, 'a file (driveItem)');
  const etag = item.eTag;
  if (etag === null || etag === undefined || etag === '') throw invalidResponse(`a file without eTag (${item.id})`);
  return etag;
}
