// Generates one Prisma client per provider (lib/generated/prisma-sqlite, lib/generated/prisma-postgresql), so a
// single build serves both databases. Runs on `npm install`; the URLs only pick the schema folder.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const urls = { sqlite: "file:./data/app.db", postgresql: "postgresql://localhost:5432/unused" };

for (const [provider, url] of Object.entries(urls)) {
  execFileSync(process.execPath, [prismaCli, "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  console.log(`Generated the Prisma client for ${provider}`);
}
