// Graceful shutdown, on SQLite and PostgreSQL: SIGTERM to `next start` while SCIM creates are in flight. Every
// request the server had received gets its complete answer, the process exits on its own within a bound, and
// the SCIM request log it buffers is in the database afterwards.
//
// "Received" means read from the socket. On SIGTERM, Node's server.close() also drops connections whose request
// still sits unread in the kernel's buffer: such a client sees a connection reset, and nothing ran, so its retry
// is safe. The test tells the two apart per connection from /proc/net/tcp at the moment of the signal
// (tests/support/server-sockets.ts) and checks both.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { freshDatabase, testProviders, type TestDatabase } from "../support/databases";
import { ScimClient } from "../support/scim-client";
import { createUser, generateToken, simpleUser, sleep, unique } from "../support/scim-test-helpers";
import { sendRequest } from "../support/sent-request";
import { launchServer, stopServer, type ServerProcess } from "../support/server";
import { unreadByClientPort } from "../support/server-sockets";

const providers = await testProviders();

const REQUESTS = 40;
// Above the app's own 25 s bound (lib/shutdown.ts), so that bound firing shows as exit status 1.
const EXIT_WITHIN_MS = 40_000;
// Next.js ends its graceful shutdown with process.exit(128 + signal number), the status of a process stopped
// by that signal (node_modules/next/dist/server/lib/start-server.js): 143 for SIGTERM.
const NEXT_EXIT_ON_SIGTERM = 143;

/** Processes in the server's process group running SQLite's background checkpointer (lib/db/sqlite-checkpointer.ts). */
function checkpointers(groupId: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
        return group === groupId && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("wal_checkpoint");
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

describe.each(providers)("graceful shutdown on %s", (provider) => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await freshDatabase(provider, "sigterm");
  });
  afterAll(async () => {
    if (server) await stopServer(server);
    await database?.drop();
  });

  it("answers every request it received, writes the SCIM log, and exits after SIGTERM", { timeout: 120_000 }, async () => {
    server = await launchServer(database.url);
    const serverPort = Number(new URL(server.baseUrl).port);
    const token = await generateToken({ database });
    const client = new ScimClient(`${server.baseUrl}/api/scim/v2`, token);
    const run = unique();
    await createUser(client, simpleUser(`warm-${run}@example.com`));
    // SQLite's log is checkpointed by a child process, which must see the requests out and leave with the server.
    const checkpointer = checkpointers(server.pid);
    expect(checkpointer).toHaveLength(provider === "sqlite" ? 1 : 0);

    const sent = Array.from({ length: REQUESTS }, (_, i) =>
      sendRequest(client.url("/Users"), {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
        body: JSON.stringify(simpleUser(`shutdown-${run}-${i}@example.com`)),
      }),
    );
    await Promise.all(sent.map((s) => s.written));
    // Signal while requests are both running and waiting: once the server has read a third of them.
    const isRead = (unread: Map<number, number>, port: number | undefined) => port !== undefined && (unread.get(port) ?? 0) === 0;
    let unread = unreadByClientPort(serverPort);
    while (sent.filter((s) => isRead(unread, s.clientPort())).length < REQUESTS / 3) {
      await sleep(2);
      unread = unreadByClientPort(serverPort);
    }
    const signalledAt = performance.now();
    server.signal("SIGTERM");
    const received = sent.map((s) => isRead(unread, s.clientPort()));

    const exit = await Promise.race([server.exited, sleep(EXIT_WITHIN_MS).then(() => "still running" as const)]);
    const exitedAfterMs = Math.round(performance.now() - signalledAt);
    const outcomes = await Promise.all(sent.map((s) => s.outcome));
    const stopped = server;
    server = undefined;
    expect(exit, stopped.output()).toEqual({ code: NEXT_EXIT_ON_SIGTERM, signal: null });

    const show = (o: (typeof outcomes)[number]) => (o instanceof Error ? `${(o as NodeJS.ErrnoException).code ?? o.message}` : `${o.status} ${o.body}`);
    const inFlight = outcomes.filter((o, i) => received[i] && !(o instanceof Error) && o.answeredAt > signalledAt).length;
    expect(outcomes.filter((o, i) => received[i] && (o instanceof Error || o.status !== 201)).map(show), stopped.output()).toEqual([]);
    // Otherwise the test would prove nothing about requests in flight.
    expect(inFlight).toBeGreaterThan(0);
    // A request the server had not read is answered in full or reset, never half-done.
    const reset = outcomes.filter((o) => o instanceof Error);
    expect(reset.map(show).filter((d) => d !== "ECONNRESET")).toEqual([]);
    expect(outcomes.filter((o) => !(o instanceof Error) && o.status !== 201).map(show)).toEqual([]);
    await expect(fetch(`${stopped.baseUrl}/api/health`)).rejects.toThrow();
    for (let waited = 0; checkpointers(stopped.pid).length > 0 && waited < 5000; waited += 50) await sleep(50);
    expect(checkpointers(stopped.pid)).toEqual([]);

    const created = REQUESTS - reset.length;
    const db = createDb(database.url);
    try {
      expect(await db.scimIdentity.count({ where: { userName: { startsWith: `shutdown-${run}-` } } })).toBe(created);
      expect(await db.scimRequestLog.count({ where: { method: "POST", path: "/Users", status: 201 } })).toBe(created + 1);
    } finally {
      await db.$disconnect();
    }
    console.log(
      `graceful-shutdown ${provider}: ${REQUESTS} creates sent, ${received.filter(Boolean).length} read by the server at SIGTERM ` +
        `(${inFlight} of them answered after it, all 201), ${reset.length} unread and reset (none ran), ` +
        `exit ${NEXT_EXIT_ON_SIGTERM} after ${exitedAfterMs} ms, ${created + 1} SCIM log entries written`,
    );
  });
});
