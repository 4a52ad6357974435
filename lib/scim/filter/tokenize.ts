import type { ScimError } from "../errors";

export type TokenKind = "lparen" | "rparen" | "lbracket" | "rbracket" | "word" | "string";

/** `text` is the raw word for words and the decoded value for strings; `pos` is a 0-based offset. */
export type Token = { kind: TokenKind; text: string; pos: number };

export type ErrorFactory = (detail: string) => ScimError;

const PUNCTUATION: Record<string, TokenKind> = { "(": "lparen", ")": "rparen", "[": "lbracket", "]": "rbracket" };

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r";
const isHex = (c: string) => (c >= "0" && c <= "9") || (c >= "a" && c <= "f") || (c >= "A" && c <= "F");

/** Human-facing 1-based position used in error details. */
export const at = (pos: number) => `at position ${pos + 1}`;

/**
 * Splits a filter into tokens in one linear pass. A word is any run of characters other than whitespace,
 * brackets, parentheses and `"`, which lets unquoted values such as `john@x.com` through as one token.
 */
export function tokenize(text: string, fail: ErrorFactory): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
    } else if (Object.hasOwn(PUNCTUATION, c)) {
      tokens.push({ kind: PUNCTUATION[c], text: c, pos: i });
      i++;
    } else if (c === '"') {
      const { value, end } = readString(text, i, fail);
      tokens.push({ kind: "string", text: value, pos: i });
      i = end;
    } else {
      const start = i;
      while (i < text.length && !isSpace(text[i]) && !Object.hasOwn(PUNCTUATION, text[i]) && text[i] !== '"') i++;
      tokens.push({ kind: "word", text: text.slice(start, i), pos: start });
    }
  }
  return tokens;
}

/** Reads a JSON string starting at the opening quote; returns the decoded value and the offset after the closing quote. */
function readString(text: string, start: number, fail: ErrorFactory): { value: string; end: number } {
  const parts: string[] = [];
  let chunkStart = start + 1;
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      parts.push(text.slice(chunkStart, i));
      return { value: parts.join(""), end: i + 1 };
    }
    if (c !== "\\") {
      i++;
      continue;
    }
    parts.push(text.slice(chunkStart, i));
    const e = text[i + 1];
    if (e === undefined) break;
    if (Object.hasOwn(SIMPLE_ESCAPES, e)) {
      parts.push(SIMPLE_ESCAPES[e]);
      i += 2;
    } else if (e === "u") {
      const hex = text.slice(i + 2, i + 6);
      if (hex.length !== 4 || ![...hex].every(isHex)) {
        throw fail(`Invalid \\u escape in string ${at(i)}: expected four hexadecimal digits`);
      }
      parts.push(String.fromCharCode(parseInt(hex, 16)));
      i += 6;
    } else {
      throw fail(`Invalid escape sequence '\\${e}' in string ${at(i)}`);
    }
    chunkStart = i;
  }
  throw fail(`Unterminated string starting ${at(start)}`);
}
