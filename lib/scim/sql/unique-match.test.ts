import { describe, expect, it } from "vitest";
import { scimGroupColumns } from "../../groups/group-columns";
import { scimUserColumns } from "../../users/scim-columns";
import { parseFilter } from "../filter/parse-filter";
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from "../schema/resource-types";
import { matchesAtMostOne } from "./unique-match";

const user = (filter: string) => matchesAtMostOne(parseFilter(filter), USER_RESOURCE_TYPE, scimUserColumns);
const group = (filter: string) => matchesAtMostOne(parseFilter(filter), GROUP_RESOURCE_TYPE, scimGroupColumns);

describe("matchesAtMostOne", () => {
  it("holds for an equality on a unique attribute, however the attribute is written", () => {
    expect(user(`userName eq "bjensen@example.com"`)).toBe(true);
    expect(user(`USERNAME eq "bjensen@example.com"`)).toBe(true);
    expect(user(`urn:ietf:params:scim:schemas:core:2.0:User:userName eq "bjensen"`)).toBe(true);
    expect(user(`externalId eq "00u1"`)).toBe(true);
    expect(user(`id eq "2819c223"`)).toBe(true);
    expect(group(`displayName eq "Engineering"`)).toBe(true);
    expect(group(`externalId eq "g-1"`)).toBe(true);
  });

  it("holds when a conjunct of an `and` is such an equality, on either side", () => {
    expect(user(`userName eq "bjensen" and active eq true`)).toBe(true);
    expect(user(`title pr and (externalId eq "00u1" and displayName co "B")`)).toBe(true);
  });

  it("does not hold for attributes users may share, other operators, `or`, `not`, value filters or non-string values", () => {
    expect(user(`displayName eq "Babs Jensen"`)).toBe(false);
    expect(user(`userName sw "bjensen"`)).toBe(false);
    expect(user(`userName ne "bjensen"`)).toBe(false);
    expect(user(`userName eq "a" or userName eq "b"`)).toBe(false);
    expect(user(`not (userName eq "a")`)).toBe(false);
    expect(user(`emails[value eq "bjensen@example.com"]`)).toBe(false);
    expect(user(`emails.value eq "bjensen@example.com"`)).toBe(false);
    expect(user(`externalId eq null`)).toBe(false);
    expect(user(`userName pr`)).toBe(false);
    expect(group(`members.value eq "2819c223"`)).toBe(false);
  });

  it("does not hold for an attribute the resource type does not have", () => {
    expect(user(`nosuch eq "x"`)).toBe(false);
    expect(user(`urn:example:other:userName eq "x"`)).toBe(false);
  });
});
