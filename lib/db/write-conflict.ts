/**
 * Whether a transaction lost to a concurrent one without anything being wrong with the request: a PostgreSQL
 * deadlock (40P01) or serialization failure (40001), from the ORM (P2034), from plain SQL (P2010 with the
 * driver's code) or straight from the driver. The SCIM API answers 503 with Retry-After, and the IdP sends the
 * request again.
 */
export function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } } | null;
  if (e?.code === "P2034" || e?.code === "40P01" || e?.code === "40001") return true;
  const cause = e?.code === "P2010" ? e.meta?.driverAdapterError?.cause : undefined;
  return cause?.kind === "TransactionWriteConflict" || cause?.originalCode === "40P01" || cause?.originalCode === "40001";
}
