import { recordEvent, type Actor } from "../audit/record-event";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { DomainError } from "./errors";
import { pickUsername } from "./pick-username";

export type LocalRole = "admin" | "user";

/** Creates a user who signs in with a password (the first admin, or a local account made by an operator). */
export async function createLocalUser(options: {
  email: string;
  password: string;
  role: LocalRole;
  name?: string;
  actor: Actor;
}): Promise<{ id: string; username: string; email: string }> {
  const email = options.email.trim();
  const emailNorm = email.toLowerCase();
  if (options.password.length < 12) throw new DomainError("invalid", "The password must be at least 12 characters.");
  const passwordHash = await hashPassword(options.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { emailNorm }, select: { id: true } })) {
      throw new DomainError("conflict", `A user with the email ${email} already exists.`);
    }
    const username = await pickUsername(email, tx);
    const user = await tx.user.create({
      data: {
        username,
        usernameNorm: username.toLowerCase(),
        email,
        emailNorm,
        name: options.name ?? username,
        nameNorm: (options.name ?? username).toLowerCase(),
        role: options.role,
        passwordHash,
      },
    });
    await recordEvent(
      {
        actor: options.actor,
        action: options.role === "admin" ? "admin.created" : "user.created",
        target: { type: "user", id: user.id, label: username },
        details: { email, role: options.role, source: "local" },
      },
      tx,
    );
    return { id: user.id, username, email };
  });
}
