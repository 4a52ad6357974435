import { config } from "./env";

type Level = "debug" | "info" | "warn" | "error";
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys whose values never reach a log line, whatever the caller passes. */
const SECRET_KEY = /authorization|token|password|secret|cookie|hash/i;

export type Fields = Record<string, unknown>;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Fields = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(v, depth + 1);
  return out;
}

function settings(): { level: Level; json: boolean } {
  try {
    const c = config();
    return { level: c.logLevel, json: c.production };
  } catch {
    return { level: "info", json: process.env.NODE_ENV === "production" };
  }
}

function write(level: Level, msg: string, fields: Fields = {}): void {
  const { level: min, json } = settings();
  if (rank[level] < rank[min]) return;
  const safe = redact(fields) as Fields;
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  if (json) {
    stream.write(`${JSON.stringify({ at: new Date().toISOString(), level, msg, ...safe })}\n`);
  } else {
    const extra = Object.keys(safe).length ? ` ${JSON.stringify(safe)}` : "";
    stream.write(`${level.toUpperCase().padEnd(5)} ${msg}${extra}\n`);
  }
}

/** Structured logger: one JSON line per event in production, readable lines in development. */
export const log = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
