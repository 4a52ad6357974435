export type Provider = "sqlite" | "postgresql";

/** Which database a DATABASE_URL points at: `file:` is the embedded SQLite, `postgres(ql)://` is PostgreSQL. */
export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.split(":")[0]}:…")`);
}
