import { z } from "zod";
import { db, type Prisma } from "../db";

export const USER_STATES = ["all", "active", "blocked", "reactivated"] as const;
export type UserStateFilter = (typeof USER_STATES)[number];
export const SORTABLE = ["username", "name", "email", "created", "changed"] as const;
export const PER_PAGE = [25, 50, 100] as const;

/** The Users table's URL parameters, parsed on the server; anything odd falls back to the default. */
export const userListParams = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  perPage: z.coerce.number().refine((n): n is (typeof PER_PAGE)[number] => (PER_PAGE as readonly number[]).includes(n)).catch(25),
  q: z.string().trim().max(200).catch(""),
  state: z.enum(USER_STATES).catch("all"),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${SORTABLE.join("|")})$`))
    .catch("-created"),
});
export type UserListParams = z.infer<typeof userListParams>;

export type UserRow = {
  id: string;
  username: string;
  name: string;
  email: string | null;
  state: "active" | "blocked" | "reactivated";
  role: string;
  externalId: string | null;
  provisioned: boolean;
  createdAt: string;
  changedAt: string | null;
};

// "Reactivated" is active again after a deprovisioning; the tabs partition the users.
const STATE_WHERE: Record<UserStateFilter, Prisma.UserWhereInput> = {
  all: {},
  active: { state: "active", OR: [{ scimIdentity: null }, { scimIdentity: { reactivatedAt: null } }] },
  reactivated: { state: "active", scimIdentity: { reactivatedAt: { not: null } } },
  blocked: { state: "blocked" },
};

function orderBy(sort: string): Prisma.UserOrderByWithRelationInput[] {
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const key = sort.replace(/^-/, "");
  const primary: Prisma.UserOrderByWithRelationInput =
    key === "username" ? { usernameNorm: direction }
    : key === "name" ? { nameNorm: direction }
    : key === "email" ? { emailNorm: direction }
    : key === "changed" ? { scimIdentity: { updatedAt: direction } }
    : { createdAt: direction };
  return [primary, { id: direction }];
}

/**
 * One page of the Admin Area's Users table, with the tab counts. Search matches lowercase copies (username,
 * email, name, externalId), so it behaves the same on SQLite and PostgreSQL; nothing loads more than a page.
 */
export async function listUsersAdmin(params: UserListParams) {
  const q = params.q.toLowerCase();
  const search: Prisma.UserWhereInput = q
    ? { OR: [{ usernameNorm: { contains: q } }, { emailNorm: { contains: q } }, { nameNorm: { contains: q } }, { scimIdentity: { externalIdNorm: { contains: q } } }] }
    : {};
  const where = { AND: [search, STATE_WHERE[params.state]] };
  const [users, total, ...counts] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: orderBy(params.sort),
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      include: { scimIdentity: true },
    }),
    db.user.count({ where }),
    ...USER_STATES.map((state) => db.user.count({ where: { AND: [search, STATE_WHERE[state]] } })),
  ]);
  const rows: UserRow[] = users.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email,
    state: u.state === "blocked" ? "blocked" : u.scimIdentity?.reactivatedAt ? "reactivated" : "active",
    role: u.role,
    externalId: u.scimIdentity?.externalId ?? null,
    provisioned: Boolean(u.scimIdentity),
    createdAt: u.createdAt.toISOString(),
    changedAt: u.scimIdentity?.updatedAt.toISOString() ?? null,
  }));
  return { rows, total, counts: Object.fromEntries(USER_STATES.map((s, i) => [s, counts[i]])) as Record<UserStateFilter, number> };
}
