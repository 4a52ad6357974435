import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";

/** The password the SCIM create bodies carry, as Okta sends one: never stored or logged (e2e/secret-search.spec.ts). */
export const SCIM_USER_PASSWORD = "Sup3rSecret!";

/** An Okta-shaped create body (Okta's SCIM 2.0 reference), for a unique user. */
export function oktaUser(label = "user") {
  const id = crypto.randomBytes(4).toString("hex");
  const userName = `${label}.${id}@example.com`;
  return {
    userName,
    body: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName,
      name: { givenName: "Pat", familyName: `Tester ${id}` },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: `Pat Tester ${id}`,
      locale: "en-US",
      externalId: `00u${id}`,
      groups: [],
      password: SCIM_USER_PASSWORD,
      active: true,
    },
  };
}

export function scim(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" };
  return {
    createUser: (body: unknown) => request.post("/api/scim/v2/Users", { headers, data: body }),
    getUser: (id: string) => request.get(`/api/scim/v2/Users/${id}`, { headers }),
    listUsers: (filter: string) => request.get(`/api/scim/v2/Users?filter=${encodeURIComponent(filter)}`, { headers }),
    setActive: (id: string, active: boolean) =>
      request.patch(`/api/scim/v2/Users/${id}`, {
        headers,
        data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active } }] },
      }),
  };
}
