import { invalidPath, invalidValue, mutability, ScimError } from "../errors";
import type { Filter } from "../filter/ast";
import { parsePatchPath } from "../filter/parse-filter";
import { parsePatchBody, type PatchOperation } from "../patch/parse-body";
import { GROUP_SCHEMA_ID } from "../urns";
import { isObject, optionalString } from "../users/values";
import { MAX_MEMBERS_PER_REQUEST, memberIds } from "./members";

// Group PATCH is planned rather than applied to a loaded resource: a group may have tens of thousands of
// members, and Okta and Entra send a PATCH per membership change. The plan says what changes — name, externalId,
// members to add and remove, or a full replacement — so the service can apply it with a bounded number of
// queries and never load the member list.

export type MembershipPlan =
  | { kind: "delta"; add: Set<string>; remove: Set<string> }
  | { kind: "replace"; members: Set<string> };

export type GroupPatchPlan = { displayName?: string; externalId?: string | null; members: MembershipPlan };

class Planner {
  plan: GroupPatchPlan = { members: { kind: "delta", add: new Set(), remove: new Set() } };
  /** Member ids named so far, over all operations: the per-request bound holds for the PATCH as a whole. */
  private named = 0;
  constructor(private readonly groupId: string) {}

  private count(ids: string[]) {
    this.named += ids.length;
    if (this.named > MAX_MEMBERS_PER_REQUEST) throw invalidValue(`The PATCH names more than ${MAX_MEMBERS_PER_REQUEST} members in all.`);
  }

  addMembers(ids: string[]) {
    this.count(ids);
    const m = this.plan.members;
    for (const id of ids) {
      if (m.kind === "replace") m.members.add(id);
      else {
        m.remove.delete(id);
        m.add.add(id);
      }
    }
  }

  removeMembers(ids: string[]) {
    this.count(ids);
    const m = this.plan.members;
    for (const id of ids) {
      if (m.kind === "replace") m.members.delete(id);
      else {
        m.add.delete(id);
        m.remove.add(id);
      }
    }
  }

  replaceMembers(ids: string[]) {
    this.count(ids);
    this.plan.members = { kind: "replace", members: new Set(ids) };
  }

  setDisplayName(value: unknown) {
    const name = optionalString(value, "displayName")?.trim();
    if (!name) throw invalidValue('"displayName" must be a non-empty string.');
    this.plan.displayName = name;
  }

  attribute(op: PatchOperation["op"], name: string, value: unknown) {
    switch (name.toLowerCase()) {
      case "displayname":
        if (op === "remove") throw mutability('"displayName" is required and cannot be removed.');
        return this.setDisplayName(value);
      case "externalid":
        this.plan.externalId = op === "remove" ? null : (optionalString(value, "externalId")?.trim() || null);
        return;
      case "members":
        if (op === "add") return this.addMembers(memberIds(value));
        if (op === "replace") return this.replaceMembers(memberIds(value));
        // Entra removes members with path "members" and a value list; without a value, all members go.
        if (value === undefined || value === null) return this.replaceMembers([]);
        return this.removeMembers(memberIds(value));
      case "id":
        // Okta echoes the group's own id in every membership PATCH.
        if (op !== "remove" && value === this.groupId) return;
        throw mutability('"id" is readOnly.');
      case "meta":
      case "schemas":
        if (op === "remove") throw mutability(`"${name}" is readOnly.`);
        return;
      default:
        throw invalidPath(`Unknown Group attribute "${name}".`);
    }
  }

  valueMap(op: PatchOperation["op"], value: unknown) {
    if (!isObject(value)) throw invalidValue("A PATCH without a path needs an object of attributes as its value.");
    for (const [key, v] of Object.entries(value)) {
      const name = key.toLowerCase().startsWith(`${GROUP_SCHEMA_ID.toLowerCase()}:`) ? key.slice(GROUP_SCHEMA_ID.length + 1) : key;
      this.attribute(op, name, v);
    }
  }

  operation({ op, path, value }: PatchOperation) {
    if (path === undefined || path.trim() === "") {
      if (op === "remove") throw new ScimError(400, "remove needs a path.", "noTarget");
      return this.valueMap(op, value);
    }
    const parsed = parsePatchPath(path);
    if (parsed.path.uri && parsed.path.uri.toLowerCase() !== GROUP_SCHEMA_ID.toLowerCase()) throw invalidPath(`Unknown schema in path "${path}".`);
    if (parsed.path.attr === "") {
      if (op === "remove") throw invalidPath("Cannot remove the whole resource.");
      return this.valueMap(op, value);
    }
    if (parsed.path.sub || parsed.subAttr) throw invalidPath(`Unsupported path "${path}".`);
    if (!parsed.filter) return this.attribute(op, parsed.path.attr, value);
    if (parsed.path.attr.toLowerCase() !== "members" || op !== "remove") throw invalidPath(`Unsupported path "${path}".`);
    // members[value eq "id"] (Okta, Entra), or several joined with `or`.
    this.removeMembers(filterIds(parsed.filter, path));
  }
}

function filterIds(filter: Filter, path: string): string[] {
  if (filter.kind === "or") return [...filterIds(filter.left, path), ...filterIds(filter.right, path)];
  if (filter.kind === "compare" && filter.op === "eq" && filter.path.attr.toLowerCase() === "value" && !filter.path.sub && typeof filter.value === "string") {
    return [filter.value];
  }
  throw invalidPath(`Unsupported member filter in "${path}": use members[value eq "id"].`);
}

export function planGroupPatch(body: unknown, groupId: string, maxOperations?: number): GroupPatchPlan {
  const planner = new Planner(groupId);
  for (const operation of parsePatchBody(body, maxOperations)) {
    try {
      planner.operation(operation);
    } catch (error) {
      if (error instanceof ScimError) throw new ScimError(error.status, `Operations[${operation.index}]: ${error.detail}`, error.scimType);
      throw error;
    }
  }
  return planner.plan;
}
