import fs from "node:fs";

/**
 * Bytes the server listening on a loopback port has not read yet, per established connection, keyed by the
 * client's port, from /proc/net/tcp (Linux). A connection still in the accept queue counts with what it holds,
 * so once a request has been sent, 0 means the server's HTTP parser has had all of it.
 */
export function unreadByClientPort(serverPort: number): Map<number, number> {
  const unread = new Map<number, number>();
  for (const line of fs.readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const [, local, remote, state, queues] = line.trim().split(/\s+/);
    if (state !== "01" || parseInt(local.split(":")[1], 16) !== serverPort) continue;
    unread.set(parseInt(remote.split(":")[1], 16), parseInt(queues.split(":")[1], 16));
  }
  return unread;
}
