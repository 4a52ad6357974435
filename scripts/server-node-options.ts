// V8 sizes how far the heap may grow between collections from the machine's memory: on 24 GiB it allows an old
// generation of 4 GB and grows it generously, and the server held 370–430 MB resident under SCIM load although
// it keeps little alive. A cap of 512 MB makes V8 collect before growing: 220–240 MB resident under the same
// load, for 0–10 % fewer requests per second (measured back to back; README, Performance). The cap is far above
// what a request keeps alive, so it bounds memory without risking an out-of-memory stop.
export const HEAP_CAP_MB = 512;

/** NODE_OPTIONS for a server process: the operator's own, with the heap cap unless they set one. */
export function serverNodeOptions(nodeOptions = process.env.NODE_OPTIONS ?? ""): string {
  // Node.js takes V8's flags with dashes or underscores alike.
  if (/--max[-_]old[-_]space[-_]size\b/.test(nodeOptions)) return nodeOptions;
  return `${nodeOptions} --max-old-space-size=${HEAP_CAP_MB}`.trim();
}
