// `npm run admin -- backup <file>`: an online copy of the SQLite database, taken while a SCIM write load runs
// against `next start`. The copy is sound, holds every user acknowledged before the backup started and none
// sent after it ended, and a server started on it serves them. It refuses what it should.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { freshDatabase, TEST_POSTGRES_URL, type TestDatabase } from "../support/databases";
import { runCli } from "../support/cli";
import { acknowledged, runMixedLoad } from "../support/mixed-load";
import { ScimClient, type Json } from "../support/scim-client";
import { createUser, generateToken, simpleUser, sleep, unique } from "../support/scim-test-helpers";
import { launchServer, stopServer, type ServerProcess } from "../support/server";

const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

describe("admin backup on SQLite", () => {
  let database: TestDatabase;
  let dir: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await freshDatabase("sqlite", "backup");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scim-backup-"));
  });
  afterAll(async () => {
    for (const server of servers) await stopServer(server);
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies the live database under a write load; the copy restores and serves every user acknowledged before", { timeout: 180_000 }, async () => {
    const server = await launchServer(database.url);
    servers.push(server);
    const token = await generateToken({ database });
    const client = new ScimClient(`${server.baseUrl}/api/scim/v2`, token);
    const run = unique();
    const seed = [];
    for (let i = 0; i < 10; i++) seed.push((await createUser(client, simpleUser(`seed-${run}-${i}@example.com`))).id as string);
    const group = await client.post("/Groups", { schemas: [GROUP], displayName: `Backup ${run}` });
    expect(group.status).toBe(201);

    let stopped = false;
    const load = runMixedLoad({ client, userIds: seed, groupIds: [group.body.id], workers: 8, prefix: `load-${run}`, stopped: () => stopped });
    // Enough users acknowledged before the backup for the check to mean something, however busy the machine.
    const loadStarted = Date.now();
    while (load.requests.filter((r) => r.op.kind === "create" && acknowledged(r)).length < 100 && Date.now() - loadStarted < 20_000) await sleep(20);
    const file = path.join(dir, "backup.db");
    const backupStartedAt = performance.now();
    const backup = await runCli(["backup", file], database.url);
    const backupEndedAt = performance.now();
    await sleep(500);
    stopped = true;
    const requests = await load.finished;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/Backed up the database to .*backup\.db/);
    expect(requests.filter((r) => r.status !== null && !acknowledged(r))).toEqual([]);

    const creates = requests.filter((r) => r.op.kind === "create" && acknowledged(r));
    const before = new Map<string, string>(creates.filter((r) => r.answeredAt! < backupStartedAt).map((r) => [r.id!, (r.op as { userName: string }).userName]));
    for (const [i, id] of seed.entries()) before.set(id, `seed-${run}-${i}@example.com`);
    const after = creates.filter((r) => r.sentAt > backupEndedAt).map((r) => r.id!);
    expect(after.length).toBeGreaterThan(0);
    expect(creates.length).toBeGreaterThan(before.size - seed.length);

    // A self-contained file: no write-ahead log beside it to forget when copying it around.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const copy = createDb(`file:${file}`);
    try {
      expect(await copy.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(await copy.$queryRawUnsafe("PRAGMA foreign_key_check")).toEqual([]);
      const identities = await copy.scimIdentity.findMany({ select: { userId: true, userName: true } });
      const inCopy = new Map(identities.map((i) => [i.userId, i.userName]));
      expect([...before].filter(([id, userName]) => inCopy.get(id) !== userName)).toEqual([]);
      // A snapshot of one moment: nothing the server was sent only after the backup had finished.
      expect(after.filter((id) => inCopy.has(id))).toEqual([]);
    } finally {
      await copy.$disconnect();
    }

    // Restore: a server started on (a copy of) the backup file serves those users with the same token.
    const restoredDir = fs.mkdtempSync(path.join(dir, "restored-"));
    fs.copyFileSync(file, path.join(restoredDir, "app.db"));
    const restored = await launchServer(`file:${path.join(restoredDir, "app.db")}`);
    servers.push(restored);
    const restoredClient = new ScimClient(`${restored.baseUrl}/api/scim/v2`, token);
    const served = new Map<string, string>();
    for (let startIndex = 1; ; startIndex += 1000) {
      const res = await restoredClient.get("/Users", { query: { startIndex, count: 1000, attributes: "userName" } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      for (const user of res.body.Resources as Json[]) served.set(user.id, user.userName);
      if (startIndex + 1000 > res.body.totalResults) break;
    }
    expect([...before].filter(([id, userName]) => served.get(id) !== userName)).toEqual([]);
    const one = [...before.keys()].at(-1)!;
    expect((await restoredClient.get(`/Users/${one}`)).body.userName).toBe(before.get(one));

    const vacuumMs = /in (\d+) ms/.exec(backup.stderr)?.[1];
    console.log(
      `backup sqlite: ${requests.filter(acknowledged).length} requests acknowledged under load, backup ${vacuumMs} ms ` +
        `(${Math.round(backupEndedAt - backupStartedAt)} ms with the CLI's start), ${before.size} users acknowledged before it all in the copy and served after restore, ${after.length} created after it absent`,
    );
  });

  it("refuses to overwrite a file without --force, and overwrites it with --force", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "exists.db");
    fs.writeFileSync(file, "not a backup");
    const refused = await runCli(["backup", file], database.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists; pass --force/);
    expect(fs.readFileSync(file, "utf8")).toBe("not a backup");
    const forced = await runCli(["backup", file, "--force"], database.url);
    expect(forced.code, forced.stderr).toBe(0);
    const copy = createDb(`file:${file}`);
    try {
      expect(await copy.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    } finally {
      await copy.$disconnect();
    }
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses to write over the live database, and needs a file", { timeout: 60_000 }, async () => {
    const live = database.url.replace(/^file:/, "");
    const refused = await runCli(["backup", live, "--force"], database.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is the live database/);
    const usage = await runCli(["backup"], database.url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/backup needs exactly one <file>/);
  });

  it("refuses on PostgreSQL and points to pg_dump", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "pg.db");
    const refused = await runCli(["backup", file], TEST_POSTGRES_URL);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PostgreSQL.*pg_dump -Fc/s);
    expect(fs.existsSync(file)).toBe(false);
  });
});
