import crypto from "node:crypto";
import http from "node:http";

// Next.js gives route handlers the request's headers, never its socket, and fills X-Forwarded-For from the socket
// only when the client sent none: without a proxy in front, that header says whatever the client wants. So at
// start-up (instrumentation.ts) every request the HTTP server receives is stamped with its socket's address, in a
// header whose name is random per process — a client cannot send it. The name lives on globalThis because
// instrumentation and route handlers are separate bundles in one process.
const NAME = Symbol.for("scim-provisioning.peer-address-header");
const STAMPED = Symbol.for("scim-provisioning.peer-address-stamped");
type Holder = { [NAME]?: string; [STAMPED]?: boolean };

function headerName(): string {
  const holder = globalThis as Holder;
  holder[NAME] ??= `x-peer-${crypto.randomBytes(12).toString("hex")}`;
  return holder[NAME];
}

export function stampPeerAddresses(): void {
  const holder = globalThis as Holder;
  if (holder[STAMPED]) return;
  holder[STAMPED] = true;
  const name = headerName();
  const server = http.Server.prototype as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  const emit = server.emit;
  server.emit = function (this: http.Server, event, ...args) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[name] = req.socket.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  };
}

/** The connection's address, when this process stamped the request; undefined otherwise. */
export function peerAddress(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers[headerName()];
  return typeof value === "string" && value ? value : undefined;
}
