import { db } from "./db";
import { log } from "./log";

const TIMEOUT_MS = 2000;

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database health check timed out")), TIMEOUT_MS);
    });
    await Promise.race([db.$queryRawUnsafe("SELECT 1"), timeout]);
    return true;
  } catch (error) {
    log.warn("health check failed", { error: (error as Error).message });
    return false;
  } finally {
    clearTimeout(timer);
  }
}
