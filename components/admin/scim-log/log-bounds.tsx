import { config } from "@/lib/env";

/** The SCIM log is a troubleshooting aid, not an archive: say how much of it is kept. */
export function LogBounds() {
  const { maxRows, retentionDays } = config().scimLog;
  if (maxRows === 0) {
    return <>The SCIM request log is turned off (<code>SCIM_LOG_MAX_ROWS=0</code>): no requests are recorded.</>;
  }
  const age = retentionDays > 0 ? ` from the last ${retentionDays.toLocaleString("en")} ${retentionDays === 1 ? "day" : "days"}` : "";
  return (
    <>
      Keeps the latest {maxRows.toLocaleString("en")} requests{age} (<code>SCIM_LOG_MAX_ROWS</code>, <code>SCIM_LOG_RETENTION_DAYS</code>); older ones
      are removed. Request bodies are stored with passwords and tokens redacted. New requests show up within a second.
    </>
  );
}
