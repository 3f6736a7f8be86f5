/** Building Graph URLs: OData string literals and query strings, encoded the way Graph documents them. */

/** An OData string literal: single quotes, an inner quote doubled (`O'Brien` → `'O''Brien'`). */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * `?$select=a,b&$filter=…`: values percent-encoded (spaces as %20, never `+`, which OData would read as a plus),
 * names kept as written since `$` is allowed in a query.
 */
export function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A path segment that may hold `:`, `@`, `=`, `/` (event ids end in `=`; chat ids hold `:` and `@`). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** `/me` or `/users/{id}` (a shared mailbox, or another person's when delegated). */
export function mailboxRoot(mailbox: string): string {
  return mailbox === 'me' ? '/me' : `/users/${segment(mailbox)}`;
}
