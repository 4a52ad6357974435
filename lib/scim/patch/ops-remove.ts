import { mutability, noTarget } from "../errors";
import type { AttributeDef } from "../schema/types";
import { coerceList } from "./coerce";
import { asList, getContainer, readAttribute, writeAttribute, type PatchContext } from "./context";
import { hasData, sameElement } from "./elements";
import { isAssigned, isPlainObject, type JsonObject } from "./json";
import { selectElements } from "./select";
import type { AttributeTarget } from "./target";
import { indexFor, indexRemove, lookup, valueKey } from "./value-index";

/**
 * Removing a group member that is not a member is a no-op, not noTarget: IdPs (Okta, Entra) replay membership
 * removals after retries and partial failures, and the end state is what they asked for.
 */
const lenientRemove = (target: AttributeTarget) => target.extensionId === undefined && target.def.name === "members";

function assertRemovable(def: AttributeDef, label: string, current: unknown): void {
  if (def.mutability === "readOnly") throw mutability(`'${label}' is readOnly`);
  if (def.mutability === "immutable" && isAssigned(current)) {
    throw mutability(`'${label}' is immutable and cannot be removed`);
  }
}

/** RFC 7644 §3.5.2.2 remove on an attribute, sub-attribute or filtered values. */
export function removeTarget(ctx: PatchContext, target: AttributeTarget, raw: unknown): void {
  const { def, label } = target;
  if (def.name === "schemas" && target.extensionId === undefined) {
    throw mutability("'schemas' is maintained by the server from the attributes present");
  }
  if (def.mutability === "readOnly") throw mutability(`'${label}' is readOnly`);
  const container = getContainer(ctx, target.extensionId, false);
  const current = container === undefined ? undefined : readAttribute(container, def.name);

  if (target.filter !== undefined) {
    const list = asList(current);
    const matched = selectElements(ctx, list, target.filter, def, label);
    if (matched.length === 0) {
      if (lenientRemove(target)) return;
      throw noTarget(`No value of '${def.name}' matches the filter in '${label}'`);
    }
    const sub = target.sub;
    if (sub === undefined) {
      indexRemove(ctx.indexes, def, list, matched);
      writeAttribute(getContainer(ctx, target.extensionId, true)!, def, list, label);
      return;
    }
    for (const element of matched) removeSub(element, sub, label);
    writeAttribute(getContainer(ctx, target.extensionId, true)!, def, list.filter(hasData), label);
    return;
  }
  if (container === undefined || !isAssigned(current)) return;

  if (target.sub !== undefined) {
    const sub = target.sub;
    if (def.multiValued) {
      const list = asList(current);
      for (const element of list) if (isPlainObject(element)) removeSub(element, sub, label);
      writeAttribute(getContainer(ctx, target.extensionId, true)!, def, list.filter(hasData), label);
    } else if (isPlainObject(current)) {
      const next = { ...current };
      removeSub(next, sub, label);
      writeAttribute(getContainer(ctx, target.extensionId, true)!, def, next, label);
    }
    return;
  }

  if (def.multiValued && raw !== undefined && raw !== null) {
    removeValues(ctx, target, current, raw);
    return;
  }
  assertRemovable(def, label, current);
  writeAttribute(getContainer(ctx, target.extensionId, true)!, def, undefined, label);
}

function removeSub(element: JsonObject, sub: AttributeDef, label: string): void {
  assertRemovable(sub, label, element[sub.name]);
  delete element[sub.name];
}

/**
 * `{"op":"Remove","path":"members","value":[{"value":"id"}]}`: not RFC 7644 (a remove carries no value) but what
 * Microsoft Entra sends to remove group members without the aadOptscim062020 flag. Removes the listed values.
 */
function removeValues(ctx: PatchContext, target: AttributeTarget, current: unknown, raw: unknown): void {
  const { def, label } = target;
  const list = asList(current);
  for (const value of coerceList(def, raw, label) ?? []) {
    const key = valueKey(def, value);
    const candidates = key === undefined ? list : lookup(indexFor(ctx.indexes, def, list), key);
    const existing = candidates.find((el) => sameElement(def, el, value));
    if (existing !== undefined) indexRemove(ctx.indexes, def, list, [existing]);
    else if (!lenientRemove(target)) throw noTarget(`'${label}' has no value matching the one to remove`);
  }
  writeAttribute(getContainer(ctx, target.extensionId, true)!, def, list, label);
}
