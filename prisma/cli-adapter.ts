import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { providerOf } from "../lib/db/provider";

export async function cliAdapter(url: string) {
  if (providerOf(url) === "sqlite") return new PrismaLibSQL({ url });
  return new PrismaPg({ connectionString: url });
}
