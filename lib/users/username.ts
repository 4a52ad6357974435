// Instance usernames are derived from the SCIM userName the way GitLab derives a namespace path from an email
// (Namespace.clean_path): the local part, only allowed characters, no trailing ".git"/".atom"/".", no leading "-",
// then made unique with a numeric suffix.

const TRAILING_VIOLATIONS = [".git", ".atom", "."];
const RESERVED = new Set(["admin", "api", "login", "logout", "help", "root", "system", "scim", "settings", "users"]);
export const MAX_USERNAME_LENGTH = 255;

export function cleanUsername(source: string): string {
  let name = source.replace(/@.*$/s, "").replace(/[^a-zA-Z0-9_.-]/g, "");
  for (let previous = ""; previous !== name; ) {
    previous = name;
    for (const suffix of TRAILING_VIOLATIONS) if (name.endsWith(suffix)) name = name.slice(0, -suffix.length);
  }
  name = name.replace(/^-+/, "").slice(0, MAX_USERNAME_LENGTH - 6);
  if (!name) return "blank";
  return RESERVED.has(name.toLowerCase()) ? `${name}1` : name;
}

/** The base itself, or base1, base2, … — the first whose lowercase form is not in `taken` (lowercase). */
export function firstFreeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
