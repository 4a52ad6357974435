import type { AttrPath, CompareOp, Filter, FilterValue } from "./ast";
import { parseAttrPath } from "./attr-path";
import { at, type ErrorFactory, type Token, type TokenKind } from "./tokenize";

export type FilterLimits = { maxLength: number; maxDepth: number; maxComparisons: number };

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

const isOperatorWord = (text: string) => {
  const lower = text.toLowerCase();
  return lower === "pr" || COMPARE_OPS.has(lower);
};

function describe(token: Token | undefined): string {
  if (token === undefined) return "end of input";
  if (token.kind === "string") return `string ${JSON.stringify(token.text)} ${at(token.pos)}`;
  return `'${token.text}' ${at(token.pos)}`;
}

/**
 * Recursive-descent parser over a token list. Precedence is not > and > or; `and`/`or` chains are parsed with
 * loops, so recursion only grows with parenthesis/bracket nesting, which `maxDepth` bounds.
 */
export class Parser {
  private index = 0;
  private depth = 0;
  private comparisons = 0;
  private inValueFilter = false;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly limits: FilterLimits,
    private readonly fail: ErrorFactory,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  next(): Token | undefined {
    return this.tokens[this.index++];
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token === undefined) return;
    if (token.kind === "rparen") throw this.fail(`Unbalanced ')' ${at(token.pos)}`);
    if (token.kind === "rbracket") throw this.fail(`Unbalanced ']' ${at(token.pos)}`);
    throw this.fail(`Unexpected ${describe(token)}; expected 'and', 'or' or the end of the filter`);
  }

  /** FILTER: or-expression. */
  parseFilter(): Filter {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), "or")) {
      this.next();
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  /** The `valFilter` of `attrPath[valFilter]`, with the opening bracket already consumed. */
  parseBracketed(open: Token): Filter {
    this.enter(open);
    const outer = this.inValueFilter;
    this.inValueFilter = true;
    const filter = this.parseFilter();
    this.inValueFilter = outer;
    this.close(open, "rbracket", "]");
    return filter;
  }

  private parseAnd(): Filter {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), "and")) {
      this.next();
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Filter {
    const token = this.peek();
    if (token === undefined) {
      const previous = this.tokens[this.index - 1];
      throw this.fail(
        previous === undefined
          ? "Filter is empty"
          : `Unexpected end of filter after ${describe(previous)}; expected an attribute path, 'not' or '('`,
      );
    }
    if (this.isKeyword(token, "not") && this.peek(1)?.kind === "lparen") {
      this.next();
      return { kind: "not", filter: this.parseGroup(this.next() as Token) };
    }
    if (token.kind === "lparen") return this.parseGroup(this.next() as Token);
    if (token.kind === "word") {
      const following = this.peek(1);
      // Keywords are attribute names only when an operator follows them (`not eq 1` is legal, if odd).
      const isAttribute = following?.kind === "word" && isOperatorWord(following.text);
      if (!isAttribute && this.isKeyword(token, "not")) throw this.fail(`Expected '(' after 'not' ${at(token.pos)}`);
      if (!isAttribute && (this.isKeyword(token, "and") || this.isKeyword(token, "or"))) {
        throw this.fail(`Unexpected ${describe(token)}; expected an attribute path, 'not' or '('`);
      }
      return this.parseAttrExp();
    }
    throw this.fail(`Unexpected ${describe(token)}; expected an attribute path, 'not' or '('`);
  }

  private parseGroup(open: Token): Filter {
    this.enter(open);
    const filter = this.parseFilter();
    this.close(open, "rparen", ")");
    return filter;
  }

  private parseAttrExp(): Filter {
    const pathToken = this.next() as Token;
    const path = this.parsePath(pathToken);
    const opToken = this.peek();
    if (opToken?.kind === "lbracket") {
      if (this.inValueFilter) throw this.fail(`Nested value filters are not allowed ${at(opToken.pos)}`);
      if (path.sub !== undefined) {
        throw this.fail(`A value filter cannot follow the sub-attribute '${pathToken.text}' ${at(opToken.pos)}`);
      }
      this.next();
      const inner = this.parseBracketed(opToken);
      const after = this.peek();
      if (after?.kind === "word" && after.text.startsWith(".")) {
        // Entra matches on `emails[type eq "work"].value eq "x"` (Microsoft's SCIM tutorial requires it): the same as
        // `emails[type eq "work" and value eq "x"]`.
        this.next();
        const subPath = parseAttrPath(after.text.slice(1));
        if (subPath === null || subPath.uri !== undefined || subPath.sub !== undefined) {
          throw this.fail(`Invalid sub-attribute '${after.text}' ${at(after.pos)}`);
        }
        const comparison = this.parseComparison(subPath, after.text);
        return { kind: "valuePath", path, filter: { kind: "and", left: inner, right: comparison } };
      }
      return { kind: "valuePath", path, filter: inner };
    }
    return this.parseComparison(path, pathToken.text);
  }

  private parseComparison(path: AttrPath, pathText: string): Filter {
    const opToken = this.peek();
    if (opToken?.kind !== "word") {
      throw this.fail(`Expected an operator after '${pathText}' but found ${describe(opToken)}`);
    }
    const op = opToken.text.toLowerCase();
    if (op === "pr") {
      this.next();
      this.count(opToken);
      return { kind: "present", path };
    }
    if (!COMPARE_OPS.has(op)) {
      throw this.fail(
        `Unknown operator '${opToken.text}' ${at(opToken.pos)}; expected one of eq, ne, co, sw, ew, gt, ge, lt, le, pr`,
      );
    }
    this.next();
    const value = this.parseValue(opToken);
    this.count(opToken);
    return { kind: "compare", path, op: op as CompareOp, value };
  }

  parsePath(token: Token): AttrPath {
    const path = parseAttrPath(token.text);
    if (path === null) throw this.fail(`Invalid attribute path '${token.text}' ${at(token.pos)}`);
    return path;
  }

  private parseValue(opToken: Token): FilterValue {
    const token = this.next();
    if (token?.kind === "string") return token.text;
    if (token?.kind !== "word") {
      throw this.fail(`Expected a value after '${opToken.text}' but found ${describe(token)}`);
    }
    const lower = token.text.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    if (lower === "null") return null;
    if (JSON_NUMBER.test(token.text)) {
      const value = Number(token.text);
      if (!Number.isFinite(value)) throw this.fail(`Number '${token.text}' is out of range ${at(token.pos)}`);
      return value;
    }
    // Some clients send unquoted values (`externalId eq jyoung`); accept them as strings.
    return token.text;
  }

  private isKeyword(token: Token | undefined, keyword: string): boolean {
    return token?.kind === "word" && token.text.toLowerCase() === keyword;
  }

  private enter(open: Token): void {
    this.depth++;
    if (this.depth > this.limits.maxDepth) {
      throw this.fail(`Filter is nested too deeply ${at(open.pos)} (maximum depth is ${this.limits.maxDepth})`);
    }
  }

  private close(open: Token, kind: TokenKind, char: string): void {
    const token = this.next();
    if (token?.kind !== kind) {
      throw this.fail(`Missing '${char}' to close '${open.text}' ${at(open.pos)}; found ${describe(token)}`);
    }
    this.depth--;
  }

  private count(token: Token): void {
    this.comparisons++;
    if (this.comparisons > this.limits.maxComparisons) {
      throw this.fail(
        `Filter has too many comparisons ${at(token.pos)} (maximum is ${this.limits.maxComparisons})`,
      );
    }
  }
}
