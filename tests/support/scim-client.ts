// A small SCIM 2.0 client for the integration tests: plain fetch against a running server, answers as
// { status, headers, body } with the body parsed as JSON when it is JSON (else the text, or null when empty).

export const SCIM_MEDIA_TYPE = "application/scim+json";

export const URN = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterprise: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  searchRequest: "urn:ietf:params:scim:api:messages:2.0:SearchRequest",
  serviceProviderConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

export type Json = any;

export type ScimResponse<T = Json> = { status: number; headers: Headers; body: T };

export type Query = Record<string, string | number | boolean | undefined>;

export type RequestOptions = {
  query?: Query;
  headers?: Record<string, string>;
};

export type RawOptions = RequestOptions & {
  /** A string or bytes are sent as they are; anything else is JSON-encoded. */
  body?: unknown;
  /** Overrides the Authorization header; `null` sends none. Defaults to `Bearer <token>`. */
  authorization?: string | null;
};

/** `new ScimClient(baseUrl + "/api/scim/v2", token)`; paths are relative to the base (`/Users`, `/Users/{id}`). */
export class ScimClient {
  constructor(
    readonly baseUrl: string,
    public token: string | null,
  ) {}

  /** The URL of `path` under the base, with the query string (values are URL-encoded). */
  url(path: string, query?: Query): string {
    const url = new URL(this.baseUrl.replace(/\/+$/, "") + path);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  async raw<T = Json>(method: string, path: string, options: RawOptions = {}): Promise<ScimResponse<T>> {
    const headers = new Headers(options.headers);
    const authorization = options.authorization === undefined ? (this.token === null ? null : `Bearer ${this.token}`) : options.authorization;
    if (authorization !== null && !headers.has("authorization")) headers.set("authorization", authorization);
    let body: BodyInit | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === "string" || options.body instanceof Uint8Array) body = options.body as BodyInit;
      else body = JSON.stringify(options.body);
      if (!headers.has("content-type")) headers.set("content-type", SCIM_MEDIA_TYPE);
    }
    if (!headers.has("accept")) headers.set("accept", SCIM_MEDIA_TYPE);
    const res = await fetch(this.url(path, options.query), { method, headers, body, redirect: "manual" });
    const text = await res.text();
    let parsed: unknown = null;
    if (text !== "") {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = Json>(path: string, options: RequestOptions = {}) {
    return this.raw<T>("GET", path, options);
  }

  post<T = Json>(path: string, body: unknown, options: RequestOptions = {}) {
    return this.raw<T>("POST", path, { ...options, body });
  }

  put<T = Json>(path: string, body: unknown, options: RequestOptions = {}) {
    return this.raw<T>("PUT", path, { ...options, body });
  }

  patch<T = Json>(path: string, body: unknown, options: RequestOptions = {}) {
    return this.raw<T>("PATCH", path, { ...options, body });
  }

  delete<T = Json>(path: string, options: RequestOptions = {}) {
    return this.raw<T>("DELETE", path, options);
  }

  /** GET /Users?filter=… — the list response. */
  findUsers(filter: string, query: Query = {}) {
    return this.get("/Users", { query: { filter, ...query } });
  }
}
