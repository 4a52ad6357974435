/** Only same-site paths are followed after sign-in, so /login cannot be used as an open redirect. */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return "/admin";
  let path = value;
  try {
    const url = new URL(value, "http://placeholder.invalid");
    if (url.origin !== "http://placeholder.invalid" && !/^https?:\/\/[^/]+\/admin/.test(value)) return "/admin";
    path = url.pathname + url.search;
  } catch {
    return "/admin";
  }
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : "/admin";
}
