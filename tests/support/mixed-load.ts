// A concurrent SCIM load like an IdP's busiest sync: user creates, deactivations and reactivations, and group
// membership changes, every request recorded with what it did and whether the server acknowledged it.
import { URN, type Json, type ScimClient } from "./scim-client";
import { simpleUser } from "./scim-test-helpers";

export type LoadOp =
  | { kind: "create"; userName: string }
  | { kind: "active"; userId: string; active: boolean }
  | { kind: "members"; groupId: string; userIds: string[]; present: boolean };

export type LoadRequest = {
  op: LoadOp;
  /** performance.now() just before the request was sent. */
  sentAt: number;
  /** performance.now() when its answer arrived; null when none did. */
  answeredAt: number | null;
  status: number | null;
  /** The new user's id, for an acknowledged create. */
  id?: string;
  error?: string;
};

export const acknowledged = (r: LoadRequest) => r.status !== null && r.status >= 200 && r.status < 300;

export type LoadOptions = {
  client: ScimClient;
  /** Users and groups that exist before the load starts. */
  userIds: string[];
  groupIds: string[];
  workers: number;
  /** A prefix unique to this run, for the userNames it creates. */
  prefix: string;
  /** Checked before each request: the load ends when it says so. */
  stopped: () => boolean;
};

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

export type RunningLoad = {
  /** Every request so far, growing while the load runs. */
  requests: LoadRequest[];
  /** Settles, with all requests, once every worker has seen `stopped()`. */
  finished: Promise<LoadRequest[]>;
};

/**
 * Runs until `stopped()`, with `workers` requests in flight at any time. Users it has created (acknowledged)
 * join the pool that deactivations and membership changes pick from.
 */
export function runMixedLoad(options: LoadOptions): RunningLoad {
  const { client, groupIds, prefix } = options;
  const userIds = [...options.userIds];
  const requests: LoadRequest[] = [];
  let created = 0;

  function nextOp(): LoadOp {
    const roll = Math.random();
    if (roll < 0.4) return { kind: "create", userName: `${prefix}-${created++}@example.com` };
    if (roll < 0.7) return { kind: "active", userId: pick(userIds), active: Math.random() < 0.5 };
    const members = new Set(Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => pick(userIds)));
    return { kind: "members", groupId: pick(groupIds), userIds: [...members], present: Math.random() < 0.6 };
  }

  async function send(op: LoadOp): Promise<{ status: number; body: Json }> {
    switch (op.kind) {
      case "create":
        return client.post("/Users", simpleUser(op.userName));
      case "active":
        return client.patch(`/Users/${op.userId}`, { schemas: [URN.patchOp], Operations: [{ op: "replace", path: "active", value: op.active }] });
      case "members":
        return client.patch(`/Groups/${op.groupId}`, {
          schemas: [URN.patchOp],
          Operations: [{ op: op.present ? "add" : "remove", path: "members", value: op.userIds.map((value) => ({ value })) }],
        });
    }
  }

  async function worker(): Promise<void> {
    while (!options.stopped()) {
      const request: LoadRequest = { op: nextOp(), sentAt: performance.now(), answeredAt: null, status: null };
      requests.push(request);
      try {
        const res = await send(request.op);
        request.answeredAt = performance.now();
        request.status = res.status;
        if (acknowledged(request) && request.op.kind === "create") {
          request.id = res.body.id;
          userIds.push(res.body.id);
        }
        if (!acknowledged(request)) request.error = JSON.stringify(res.body);
      } catch (error) {
        request.error = String((error as Error).cause ?? error);
      }
    }
  }

  const finished = Promise.all(Array.from({ length: options.workers }, worker)).then(() => requests);
  return { requests, finished };
}
