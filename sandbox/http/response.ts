/** What a Graph handler answers, before it is written to a socket or wrapped into a $batch response. */
export type ResponseBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'bytes'; readonly value: Buffer; readonly contentType: string }
  | { readonly kind: 'none' };

export interface GraphResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ResponseBody;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers, body: { kind: 'json', value } };
}

export function empty(status: number, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers, body: { kind: 'none' } };
}

export function bytes(value: Buffer, contentType: string, headers: Record<string, string> = {}): GraphResponse {
  return { status: 200, headers, body: { kind: 'bytes', value, contentType } };
}
