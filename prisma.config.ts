import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";
import { providerOf } from "./lib/db/provider";

// The Prisma CLI (generate, migrate diff/dev) reads this file. Prisma 6.19 runs Migrate through its bundled
// WebAssembly schema engine over a JS driver adapter, because the native engine cannot be downloaded here.
// The schema files read DATABASE_URL too, so give it the embedded default before Prisma does.
const url = (process.env.DATABASE_URL ??= "file:./data/app.db");
const provider = providerOf(url);

export default defineConfig({
  schema: path.join("prisma", provider),
  migrations: { path: path.join("prisma", provider, "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: () => cliAdapter(url),
});
