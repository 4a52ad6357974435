// Property-based tests: no filter text breaks parseFilter, and printed ASTs parse back to themselves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyText, deepNesting, everyOperatorOnEveryAttribute, hugeLiterals, OPS, tokenSoup, USER_PATHS } from "../arbitraries/filter-text";
import { isScimError } from "../errors";
import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import type { AttrPath, Filter, FilterValue } from "./ast";
import { MAX_FILTER_LENGTH, parseFilter } from "./parse-filter";

/** FC_RUNS_SCALE=10 multiplies every numRuns, for a longer local bug hunt. */
const SCALE = Number(process.env.FC_RUNS_SCALE ?? 1);
const RUNS = Math.round(300 * SCALE);
/** A generous bound per case: the parser is linear, so anything near this is a hang. */
const MAX_MS_PER_CASE = 250;

/** Runs parseFilter; anything other than an AST or a 400 invalidFilter ScimError fails the property. */
function parseOrInvalid(text: string): Filter | undefined {
  const start = performance.now();
  try {
    return parseFilter(text);
  } catch (err) {
    if (!isScimError(err)) throw new Error(`non-ScimError thrown for ${JSON.stringify(text.slice(0, 200))}: ${String(err)}`);
    expect({ status: err.status, scimType: err.scimType }).toEqual({ status: 400, scimType: "invalidFilter" });
    return undefined;
  } finally {
    const elapsed = performance.now() - start;
    expect(elapsed, `parseFilter took ${elapsed.toFixed(1)} ms`).toBeLessThan(MAX_MS_PER_CASE);
  }
}

describe("parseFilter: no input breaks it", () => {
  it("arbitrary unicode strings → AST or 400 invalidFilter", () => {
    fc.assert(fc.property(anyText, (text) => void parseOrInvalid(text)), { numRuns: RUNS });
  });

  it("grammar tokens glued together → AST or 400 invalidFilter", () => {
    fc.assert(fc.property(tokenSoup, (text) => void parseOrInvalid(text)), { numRuns: RUNS });
  });

  it("deep nesting of '(', 'not (' and '[' → AST or 400 invalidFilter, in bounded time", () => {
    fc.assert(fc.property(deepNesting, (text) => void parseOrInvalid(text)), { numRuns: Math.round(150 * SCALE) });
  });

  it("huge literals and long chains → AST or 400 invalidFilter, in bounded time", () => {
    fc.assert(fc.property(hugeLiterals, (text) => void parseOrInvalid(text)), { numRuns: Math.round(150 * SCALE) });
  });

  it("every operator on every User attribute (bare and URN-qualified) → AST or 400 invalidFilter", () => {
    fc.assert(fc.property(everyOperatorOnEveryAttribute, (text) => void parseOrInvalid(text)), { numRuns: RUNS });
  });

  it("every plain comparison on a User attribute parses", () => {
    fc.assert(
      fc.property(fc.constantFrom(...USER_PATHS), fc.constantFrom(...OPS), (p, op) => {
        expect(parseOrInvalid(`${p} ${op} "x"`)).toBeDefined();
      }),
      { numRuns: Math.round(100 * SCALE) },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Round trip: AST → text → AST

const attrName = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom(..."abcxyzAZ".split("")),
    fc.string({ unit: fc.constantFrom(..."abzAZ09_-".split("")), maxLength: 8 }),
  )
  .map(([dollar, first, rest]) => `${dollar ? "$" : ""}${first}${rest}`);
// Keywords and operators are legal attribute names when an operator follows them.
const anyAttrName = fc.oneof({ weight: 5, arbitrary: attrName }, fc.constantFrom("not", "and", "or", "pr", "eq", "NOT", "userName"));
const uri = fc.oneof(
  fc.constantFrom(USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID, "urn:x", "URN:a:b.c"),
  fc.string({ unit: fc.constantFrom(..."ab1.:-_".split("")), maxLength: 10 }).map((s) => `urn:a${s}`),
);

// A keyword followed by '[' is not read as an attribute (`not[...]`), so value-path attributes avoid keywords.
const attrPath = (withSub: boolean): fc.Arbitrary<AttrPath> =>
  fc
    .record(
      { uri, attr: withSub ? anyAttrName : attrName, sub: withSub ? anyAttrName : fc.constant(undefined) },
      { requiredKeys: ["attr"] },
    )
    .map(({ uri: u, attr, sub }) => {
      const p: AttrPath = { attr };
      if (u !== undefined) p.uri = u;
      if (sub !== undefined) p.sub = sub;
      return p;
    });

const filterValue: fc.Arbitrary<FilterValue> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ maxLength: 10 }),
  fc.constantFrom("true", "null", "1", " ", "", 'a"b', "\\", "(", "]"),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

function filterArb(inValueFilter: boolean): fc.Arbitrary<Filter> {
  return fc.letrec<{ f: Filter }>((tie) => ({
    f: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.record({ kind: fc.constant("compare" as const), path: attrPath(true), op: fc.constantFrom(...OPS), value: filterValue }),
      fc.record({ kind: fc.constant("present" as const), path: attrPath(true) }),
      fc.record({ kind: fc.constant("and" as const), left: tie("f"), right: tie("f") }),
      fc.record({ kind: fc.constant("or" as const), left: tie("f"), right: tie("f") }),
      fc.record({ kind: fc.constant("not" as const), filter: tie("f") }),
      ...(inValueFilter
        ? []
        : [fc.record({ kind: fc.constant("valuePath" as const), path: attrPath(false), filter: filterArb(true) })]),
    ),
  })).f;
}

type Style = { upper: boolean; space: string; tightNot: boolean; entraDot: boolean };
const style: fc.Arbitrary<Style> = fc.record({
  upper: fc.boolean(),
  space: fc.constantFrom(" ", "  ", "\t", "\n", " \r\n "),
  tightNot: fc.boolean(),
  entraDot: fc.boolean(),
});

function printPath(p: AttrPath): string {
  const name = p.sub === undefined ? p.attr : `${p.attr}.${p.sub}`;
  return p.uri === undefined ? name : `${p.uri}:${name}`;
}

function printValue(v: FilterValue): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** Prints a filter; every and/or/not operand that is itself compound is parenthesised. */
function print(f: Filter, s: Style): string {
  const kw = (k: string) => (s.upper ? k.toUpperCase() : k);
  const sp = s.space;
  const operand = (g: Filter) => (g.kind === "and" || g.kind === "or" ? `(${print(g, s)})` : print(g, s));
  switch (f.kind) {
    case "compare":
      return `${printPath(f.path)}${sp}${kw(f.op)}${sp}${printValue(f.value)}`;
    case "present":
      return `${printPath(f.path)}${sp}${kw("pr")}`;
    case "and":
    case "or":
      return `${operand(f.left)}${sp}${kw(f.kind)}${sp}${operand(f.right)}`;
    case "not":
      return `${kw("not")}${s.tightNot ? "" : sp}(${print(f.filter, s)})`;
    case "valuePath": {
      const r = f.filter.kind === "and" ? f.filter.right : undefined;
      // Entra's `emails[type eq "work"].value eq "x"` form means `emails[type eq "work" and value eq "x"]`.
      if (s.entraDot && f.filter.kind === "and" && r?.kind === "compare" && r.path.uri === undefined && r.path.sub === undefined) {
        return `${printPath(f.path)}[${print(f.filter.left, s)}].${r.path.attr}${sp}${kw(r.op)}${sp}${printValue(r.value)}`;
      }
      return `${printPath(f.path)}[${print(f.filter, s)}]`;
    }
  }
}

function comparisons(f: Filter): number {
  switch (f.kind) {
    case "compare":
    case "present":
      return 1;
    case "and":
    case "or":
      return comparisons(f.left) + comparisons(f.right);
    case "not":
    case "valuePath":
      return comparisons(f.filter);
  }
}

describe("parseFilter: round trip", () => {
  it("printing a valid AST and parsing it back gives the same AST", () => {
    fc.assert(
      fc.property(
        filterArb(false).filter((f) => comparisons(f) <= 64),
        style,
        (ast, s) => {
          const text = print(ast, s);
          fc.pre(text.length <= MAX_FILTER_LENGTH);
          expect(parseFilter(text)).toEqual(ast);
        },
      ),
      { numRuns: Math.round(500 * SCALE) },
    );
  });
});
