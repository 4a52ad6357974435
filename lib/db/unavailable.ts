// Errors that mean "the database cannot be reached right now" rather than "this request is wrong": the SCIM API
// answers them with 503 and Retry-After, so IdPs retry later instead of marking the operation failed.

const CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2034"]);
const MESSAGES = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|connection.*(closed|ended|refused)|does not exist|terminating connection|SQLITE_BUSY|database is locked|too many clients|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (typeof candidate.code === "string" && CONNECTION_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
    e = candidate.cause;
  }
  return false;
}
