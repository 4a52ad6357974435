/** Signs in through next-auth's credentials endpoint as a browser form would, and keeps the cookies. */
export class HttpSession {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  getCookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** True when next-auth accepted the credentials and set a session cookie. */
  async signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<boolean> {
    return (await this.attemptSignIn(email, password, headers)).ok;
  }

  /** Signs in and says how it went: `error` is next-auth's error code (`CredentialsSignin`, `TooManyAttempts:…`). */
  async attemptSignIn(email: string, password: string, headers: Record<string, string> = {}): Promise<{ ok: boolean; error: string | null }> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }),
    });
    const { url } = (await res.json()) as { url: string };
    return { ok: this.cookies.has("next-auth.session-token"), error: new URL(url).searchParams.get("error") };
  }
}
