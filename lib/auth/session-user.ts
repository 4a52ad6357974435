/** What the sign-in providers hand to the jwt callback: the session cookie is built from it. */
export type SessionUser = { id: string; email: string; name: string; role: string; sessionVersion: number };
