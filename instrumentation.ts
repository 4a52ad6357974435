// Next.js awaits register() before the server handles its first request: the schema is current before any
// instance serves, however the server was started.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddresses } = await import("./lib/sign-in-throttle/peer-address");
  stampPeerAddresses();
  const { startupOrExit } = await import("./lib/startup");
  await startupOrExit();
  const { handleShutdownSignals } = await import("./lib/shutdown");
  handleShutdownSignals();
}
