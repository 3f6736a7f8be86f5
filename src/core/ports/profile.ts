/**
 * Who is signed in, as far as the faces need it: a name to greet and the organisation, so a presenter sees the
 * agenda items their organisation presents highlighted. Graph's `/me` (User.Read).
 */
export interface Profile {
  readonly displayName: string;
  /** The organisation as the directory names it (Graph `companyName`); null when the directory has none. */
  readonly organisation: string | null;
}

export interface ProfilePort {
  me(): Promise<Profile>;
}
