import fs from "node:fs";
import os from "node:os";

// The WAL-index header (https://www.sqlite.org/walformat.html, section 2.1) opens the -shm file that every
// connection of a WAL database maps: mxFrame, the number of valid frames in the log, is the 32-bit unsigned
// integer at byte 16, in the machine's own byte order. One 4-byte read tells a writer how long the log has grown
// without asking SQLite, which has no way to say it short of checkpointing.
const MX_FRAME_OFFSET = 16;

/** Frames now in the write-ahead log of the SQLite database `file` (0 while it has none). */
export function walFrameCounter(file: string): { frames(): number; close(): void } {
  let fd: number | undefined;
  const buffer = Buffer.alloc(4);
  const read = os.endianness() === "LE" ? () => buffer.readUInt32LE(0) : () => buffer.readUInt32BE(0);
  return {
    frames() {
      try {
        fd ??= fs.openSync(`${file}-shm`, "r");
        return fs.readSync(fd, buffer, 0, 4, MX_FRAME_OFFSET) === 4 ? read() : 0;
      } catch {
        // No log yet (the first write creates it): nothing to checkpoint.
        return 0;
      }
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
