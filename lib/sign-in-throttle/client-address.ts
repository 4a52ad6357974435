import net from "node:net";

/**
 * The address password sign-in failures are counted against. Behind a trusted proxy it is the last
 * X-Forwarded-For entry — the one that proxy appended; earlier entries are whatever the client claimed. Otherwise
 * it is the connection's own address (see peer-address.ts). Null when neither gives a valid IP address.
 */
export function clientAddress(options: { forwardedFor?: string | null; peer?: string | null; trustProxy: boolean }): string | null {
  const forwarded = options.trustProxy ? options.forwardedFor?.split(",").map((part) => part.trim()).filter(Boolean).at(-1) : undefined;
  const raw = forwarded ?? options.peer;
  return raw ? normalizeAddress(raw) : null;
}

/** One spelling per address: no port (some proxies append one), IPv4-mapped IPv6 as IPv4, IPv6 lowercase. */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && net.isIPv4(address.slice(7))) address = address.slice(7);
  return net.isIP(address) ? address : null;
}
