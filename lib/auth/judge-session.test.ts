import { describe, expect, it } from "vitest";
import type { User } from "../db";
import { judgeSession } from "./judge-session";

const user = (over: Partial<User> = {}) => ({ id: "u1", state: "active", sessionVersion: 2, ...over }) as User;

describe("judgeSession", () => {
  it("keeps a session whose user is active at the version it was issued with", () => {
    expect(judgeSession("u1", 2, user())).toMatchObject({ status: "active" });
  });

  it("ends it when the user is blocked, deleted, or its sessions were revoked", () => {
    expect(judgeSession("u1", 2, user({ state: "blocked", sessionVersion: 3 }))).toMatchObject({ status: "ended", reason: "blocked", tokenVersion: 2 });
    expect(judgeSession("u1", 2, null)).toMatchObject({ status: "ended", reason: "deleted", user: null });
    expect(judgeSession("u1", 2, user({ sessionVersion: 3 }))).toMatchObject({ status: "ended", reason: "revoked" });
  });

  it("ends a cookie that carries no version", () => {
    expect(judgeSession("u1", undefined, user({ sessionVersion: 0 }))).toMatchObject({ status: "ended", tokenVersion: -1 });
  });
});
