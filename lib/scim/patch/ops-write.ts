import { invalidValue, mutability, noTarget } from "../errors";
import type { AttributeDef } from "../schema/types";
import { coerceAttribute, coerceComplex, coerceList, coerceScalar } from "./coerce";
import { asList, getContainer, readAttribute, writeAttribute, type PatchContext } from "./context";
import { elementFromFilter, hasData, mergeInto, normalizePrimary, sameElement, valuesEqual, withoutNulls } from "./elements";
import { isAssigned, isPlainObject, type JsonObject } from "./json";
import { skipReadOnly } from "./mutability";
import { selectElements } from "./select";
import type { AttributeTarget } from "./target";
import { indexFor, indexPush, lookup, valueKey } from "./value-index";

export type WriteOp = "add" | "replace";

/** RFC 7644 §3.5.2.1 add / §3.5.2.3 replace on an attribute, sub-attribute or filtered values. */
export function writeTarget(ctx: PatchContext, op: WriteOp, target: AttributeTarget, raw: unknown): void {
  if (raw === undefined) throw invalidValue(`'${target.label}': ${op} requires a value`);
  // RFC 7643 §2.5: null is "unassigned"; replacing with null removes, adding null makes no sense.
  if (raw === null && op === "add") throw invalidValue(`'${target.label}': add requires a non-null value`);
  if (target.def.name === "schemas" && target.extensionId === undefined) {
    throw mutability("'schemas' is maintained by the server from the attributes present");
  }
  const container = getContainer(ctx, target.extensionId, true) as JsonObject;
  if (target.filter !== undefined) writeFiltered(ctx, op, target, container, raw);
  else if (target.sub !== undefined) writeSubAttribute(ctx, target, target.sub, container, raw);
  else writeWhole(ctx, op, target, container, raw);
  const list = readAttribute(container, target.def.name);
  if (target.def.multiValued && Array.isArray(list)) normalizePrimary(list, ctx.written);
}

const IDENTITY: ReadonlySet<string> = new Set(["value", "type"]);

/**
 * Appends values not already present (RFC 7644 §3.5.2.1: re-adding a present value changes nothing). A re-added
 * value only updates the readWrite qualifiers that are not part of its identity, such as `primary`; a re-added
 * group member (all sub-attributes immutable) is a no-op.
 */
function appendUnique(ctx: PatchContext, def: AttributeDef, list: unknown[], incoming: unknown[], label: string) {
  for (const raw of incoming) {
    const value = isPlainObject(raw) ? withoutNulls(raw) : raw;
    const key = valueKey(def, value);
    const candidates = key === undefined ? list : lookup(indexFor(ctx.indexes, def, list), key);
    const existing = candidates.find((el) => sameElement(def, el, value));
    if (existing === undefined) {
      indexPush(ctx.indexes, def, list, value);
      ctx.written.add(value);
    } else if (isPlainObject(existing) && isPlainObject(value)) {
      const updates = Object.entries(value).filter(([name]) => {
        const sub = def.subAttributes?.find((s) => s.name === name);
        return !IDENTITY.has(name) && (sub?.mutability === "readWrite" || sub?.mutability === "writeOnly");
      });
      mergeInto(existing, Object.fromEntries(updates), def, label, "keep");
      ctx.written.add(existing);
    }
  }
  return list;
}

function writeWhole(ctx: PatchContext, op: WriteOp, target: AttributeTarget, container: JsonObject, raw: unknown) {
  const { def, label } = target;
  const current = readAttribute(container, def.name);
  if (skipReadOnly(def, label, current, raw)) return;
  const value = coerceAttribute(def, raw, label);
  let next: unknown;
  if (value === null) {
    next = undefined;
  } else if (def.multiValued) {
    // add appends (RFC 7644 §3.5.2.1); replace without a filter replaces all values (§3.5.2.3).
    // The current array is extended in place (it belongs to the private copy) to keep its value index.
    const base = op === "add" && Array.isArray(current) ? current : op === "add" ? asList(current) : [];
    next = appendUnique(ctx, def, base, value as unknown[], label);
  } else if (def.type === "complex") {
    const incoming = value as JsonObject;
    // A complex value identified by `value` (the enterprise manager): a different `value` is a different referent,
    // so its old $ref/display must not survive. Otherwise sub-attributes not sent are left unchanged (§3.5.2.3).
    const valueDef = def.subAttributes?.find((sub) => sub.name === "value");
    const base = isPlainObject(current) ? { ...current } : {};
    const replacesReferent =
      valueDef !== undefined && isAssigned(incoming.value) && !valuesEqual(valueDef, base.value, incoming.value);
    next = replacesReferent ? withoutNulls(incoming) : base;
    if (!replacesReferent) mergeInto(next as JsonObject, incoming, def, label, "reject");
  } else {
    next = value;
  }
  if (def.mutability === "immutable" && isAssigned(current) && !valuesEqual(def, current, next)) {
    throw mutability(`'${label}' is immutable and already has a value`);
  }
  writeAttribute(container, def, next, label);
}

function coerceSub(sub: AttributeDef, raw: unknown, label: string): unknown {
  return sub.multiValued ? coerceList(sub, raw, label) : coerceScalar(sub, raw, label);
}

/** `name.givenName` (single-valued parent) or `emails.value` (every value of a multi-valued parent). */
function writeSubAttribute(ctx: PatchContext, target: AttributeTarget, sub: AttributeDef, container: JsonObject, raw: unknown) {
  const { def, label } = target;
  const current = readAttribute(container, def.name);
  const currentSub = isPlainObject(current) ? current[sub.name] : undefined;
  if (def.mutability === "readOnly" && def.multiValued) throw mutability(`'${label}' is readOnly`);
  if (skipReadOnly(def, label, currentSub, raw) || skipReadOnly(sub, label, currentSub, raw)) return;
  const value = coerceSub(sub, raw, label);

  if (!def.multiValued) {
    const next: JsonObject = isPlainObject(current) ? { ...current } : {};
    mergeInto(next, { [sub.name]: value }, def, def.name, "reject");
    writeAttribute(container, def, next, label);
    return;
  }
  const list = asList(current);
  if (list.length === 0) {
    if (value === null) return;
    const element: JsonObject = { [sub.name]: value };
    ctx.written.add(element);
    writeAttribute(container, def, [element], label);
    return;
  }
  for (const element of list) {
    if (!isPlainObject(element)) continue;
    mergeInto(element, { [sub.name]: value }, def, def.name, "reject");
    ctx.written.add(element);
  }
  writeAttribute(container, def, list.filter(hasData), label);
}

/**
 * `emails[type eq "work"]` or `emails[type eq "work"].value`. When nothing matches, RFC 7644 §3.5.2.3 requires
 * replace to fail with noTarget. We make one exception, also for add: if the filter is a conjunction of `eq`
 * comparisons, the value it describes is created (`{ type: "work", value }`). Microsoft Entra maps single
 * directory attributes onto such paths (mail → emails[type eq "work"].value, mobile → phoneNumbers[type eq
 * "mobile"].value, streetAddress → addresses[type eq "work"].streetAddress) and sends "Add" or "Replace" for
 * them whether or not the user already has a value of that type; rejecting would quarantine provisioning.
 * Replace of a whole filtered value (no sub-attribute) still fails with noTarget.
 */
function writeFiltered(ctx: PatchContext, op: WriteOp, target: AttributeTarget, container: JsonObject, raw: unknown) {
  const { def, label, sub } = target;
  const filter = target.filter!;
  if (def.mutability === "readOnly") throw mutability(`'${label}' is readOnly`);
  if (sub?.mutability === "readOnly") throw mutability(`'${label}' is readOnly`);
  const list = asList(readAttribute(container, def.name));
  const matched = selectElements(ctx, list, filter, def, label);

  let incoming: JsonObject;
  if (sub !== undefined) incoming = { [sub.name]: coerceSub(sub, raw, label) };
  else if (raw === null) incoming = {};
  else incoming = coerceComplex(def, raw, label);

  if (matched.length === 0) {
    const seed = elementFromFilter(filter, def);
    const creatable = seed !== null && raw !== null && (op === "add" || sub !== undefined);
    if (!creatable) throw noTarget(`No value of '${def.name}' matches the filter in '${label}'`);
    const element = withoutNulls({ ...seed, ...incoming });
    ctx.written.add(element);
    writeAttribute(container, def, [...list, element], label);
    return;
  }
  if (sub === undefined && raw === null) {
    // replace with null unassigns the selected values
    const gone = new Set<unknown>(matched);
    writeAttribute(container, def, list.filter((el) => !gone.has(el)), label);
    return;
  }
  for (const element of matched) {
    mergeInto(element, incoming, def, def.name, "reject");
    ctx.written.add(element);
  }
  writeAttribute(container, def, list.filter(hasData), label);
}
