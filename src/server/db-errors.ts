// What PostgreSQL said, read out of the shapes Prisma's pg driver adapter wraps it in:
// a PrismaClientKnownRequestError (P2002 for a unique key, P2010 for raw SQL) carrying
// meta.driverAdapterError.cause, or a bare DriverAdapterError whose cause holds the SQLSTATE.

type Loose = { code?: unknown; name?: unknown; meta?: { driverAdapterError?: { cause?: Cause } }; cause?: unknown };
type Cause = { originalCode?: unknown; code?: unknown; kind?: unknown };

/** The SQLSTATE of a database error (e.g. "23505"), or null when it is not one. */
export function sqlState(error: unknown): string | null {
  if (!error || typeof error !== "object") return null;
  const e = error as Loose;
  if (e.code === "P2002") return "23505";
  const cause = e.meta?.driverAdapterError?.cause ?? (e.name === "DriverAdapterError" ? (e.cause as Cause | undefined) : undefined);
  const code = cause?.originalCode ?? cause?.code;
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  if (cause?.kind === "UniqueConstraintViolation") return "23505";
  return null;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";
/** A lock (row, advisory or another transaction's key) was not granted within lock_timeout. */
export const isLockTimeout = (error: unknown) => sqlState(error) === "55P03";
/** Deadlock or serialization failure: running the transaction again is the cure. */
export const isRetryable = (error: unknown) => ["40P01", "40001"].includes(sqlState(error) ?? "");
/** A statement ran past statement_timeout. */
export const isStatementTimeout = (error: unknown) => sqlState(error) === "57014";

/** No connection came free in the pool's wait (pg-pool's connectionTimeoutMillis). */
export function isPoolTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (/timeout exceeded when trying to connect/i.test(String((e as { message?: unknown }).message ?? ""))) return true;
  }
  return false;
}

/** Prisma could not start the transaction in time, or it expired (the pool or the database is busy). */
export function isTransactionBusy(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && (error as Loose).code === "P2028");
}
