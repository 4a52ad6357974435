import fs from "node:fs";
import os from "node:os";
import { log } from "../log";

// The WAL-index header (https://www.sqlite.org/walformat.html, section 2.1) opens the -shm file that every
// connection of a WAL database maps: mxFrame, the number of valid frames in the log, is the 32-bit unsigned
// integer at byte 16, in the machine's own byte order. One 4-byte read tells a writer how long the log has grown
// without asking SQLite, which has no way to say it short of checkpointing.
//
// The descriptor stays open for the life of the process, never closed: on POSIX, closing any descriptor of a
// file drops every lock this process holds on it, SQLite's on the -shm included, and another process could then
// rebuild the index under this one's connections (https://www.sqlite.org/howtocorrupt.html, section 2.2).
const MX_FRAME_OFFSET = 16;

/** Frames now in the write-ahead log of the SQLite database `file` (0 while it has none, or cannot be read). */
export function walFrameCounter(file: string): { frames(): number } {
  let fd: number | undefined;
  let warned = false;
  const buffer = Buffer.alloc(4);
  const read = os.endianness() === "LE" ? () => buffer.readUInt32LE(0) : () => buffer.readUInt32BE(0);
  return {
    frames() {
      try {
        fd ??= fs.openSync(`${file}-shm`, "r");
        return fs.readSync(fd, buffer, 0, 4, MX_FRAME_OFFSET) === 4 ? read() : 0;
      } catch (error) {
        // No log yet (the first write creates it). Anything else leaves checkpoints to SQLite's own backstop.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT" && !warned) {
          warned = true;
          log.warn("cannot read the length of SQLite's write-ahead log: SQLite checkpoints it itself", { error: (error as Error).message });
        }
        return 0;
      }
    },
  };
}
