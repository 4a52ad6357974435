import { isUniqueViolation } from "./unique-violation";

const ATTEMPTS = 3;

/**
 * Runs a check-then-insert transaction again when a concurrent one inserted the same unique value between its check
 * and its insert (on PostgreSQL the insert waits for that transaction, then fails). The next attempt sees the
 * committed row and decides properly: a 409 naming the taken userName, or the next free instance username —
 * rather than refusing a distinct user whose derived username another request was just taking.
 */
export async function retryUniqueRace<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}
