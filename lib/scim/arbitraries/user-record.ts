// Stored users (ScimUserRecord) for property tests of the serializer: every optional member assigned or not, ""
// and odd characters (ids that need URL encoding, lone surrogates that make encodeURIComponent throw), members
// in the order the database mapping builds them.
import fc from "fast-check";
import type { ScimUserRecord } from "../users/record";

const text = fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom("", "a b/c?d#", "x@example.com"));
const optional = fc.option(text, { nil: null, freq: 2 });
const date = fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true });
const jsonValues = fc.option(fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), { maxLength: 2 }), { nil: null });

export const userRecord: fc.Arbitrary<ScimUserRecord> = fc
  .record({
    id: fc.oneof(fc.uuid(), text),
    userName: text,
    externalId: optional,
    active: fc.boolean(),
    version: fc.nat(),
    created: date,
    lastModified: date,
    name: fc.record({ formatted: optional, familyName: optional, givenName: optional, middleName: optional, honorificPrefix: optional, honorificSuffix: optional }),
    displayName: optional,
    nickName: optional,
    profileUrl: optional,
    title: optional,
    userType: optional,
    preferredLanguage: optional,
    locale: optional,
    timezone: optional,
    emails: fc.array(fc.record({ value: text, type: optional, primary: fc.boolean(), display: optional }), { maxLength: 3 }),
    phoneNumbers: jsonValues,
    addresses: jsonValues,
    enterprise: fc.record({
      employeeNumber: optional,
      costCenter: optional,
      organization: optional,
      division: optional,
      department: optional,
      managerId: optional,
      managerName: optional,
    }),
    groups: fc.array(fc.record({ id: fc.oneof(fc.uuid(), text), displayName: text }), { maxLength: 3 }),
  });
