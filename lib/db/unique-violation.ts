/**
 * Whether a database error is a unique-index violation: Prisma reports it as P2002 from the ORM, and as P2010
 * ("raw query failed") with the driver adapter's `UniqueConstraintViolation` from plain SQL; straight from the
 * drivers (lib/db/direct-writer.ts) it is SQLite's extended code or PostgreSQL's SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  if (e?.code === "P2002" || e?.code === "23505" || e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  return e?.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
