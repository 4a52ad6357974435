/**
 * The forms a secret can take in a log line or a column: as is, URL-encoded (a query string, a form body), JSON-
 * escaped, hex, and base64 and base64url at each of the three byte offsets it can start at inside a longer value
 * (`Basic base64(user:password)`, a token inside an encoded blob) — for those, only the characters that depend on
 * the secret's bytes alone.
 */
export function secretForms(secret: string): { form: string; needle: string }[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms = [
    { form: "plain", needle: secret },
    { form: "url-encoded", needle: encodeURIComponent(secret) },
    { form: "form-encoded", needle: new URLSearchParams({ x: secret }).toString().slice(2) },
    { form: "json-escaped", needle: JSON.stringify(secret).slice(1, -1) },
    { form: "hex", needle: bytes.toString("hex") },
  ];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * padded.length) / 6);
    for (const encoding of ["base64", "base64url"] as const) {
      forms.push({ form: `${encoding}@${offset}`, needle: padded.toString(encoding).slice(first, last) });
    }
  }
  // One entry per distinct needle (an alphanumeric secret is its own URL encoding).
  const seen = new Set<string>();
  return forms.filter(({ needle }) => needle.length >= 8 && !seen.has(needle) && seen.add(needle));
}

export type Finding = { secret: number; form: string; where: string; at: number };

/** Where any form of any secret occurs in the haystacks. Secrets are named by index, never printed. */
export function findSecrets(secrets: string[], haystacks: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  secrets.forEach((secret, i) => {
    for (const { form, needle } of secretForms(secret)) {
      for (const [where, text] of Object.entries(haystacks)) {
        const at = text.indexOf(needle);
        if (at >= 0) findings.push({ secret: i, form, where, at });
      }
    }
  });
  return findings;
}
