/**
 * Autocompletion for the playground's JSON editor, driven by the network's JSON Schema (the one
 * `networkJsonSchema()` makes from the zod schemas of src/graph and the build writes to
 * dist/network.schema.json): which fields a layer of a given `kind` has, their types, every
 * kind, the constants a field accepts. The only knowledge not in the schema is which strings
 * name a layer (`inputs`, `output`, `aux[].path`): those offer the layer paths of the text.
 *
 * Pure and DOM-free (the tests run it in Node). The text is read by a forgiving parser, because
 * the text being completed is, by definition, half typed: unclosed objects and strings, missing
 * commas and stray characters still give a tree with every member's position.
 *
 *   complete(text, caret, schema) → { from, to, prefix, items } | null
 *
 * Accepting an item replaces text[from, to) with `item.insert` and puts the caret at
 * `from + item.caret`.
 */
import { INPUT } from '../../graph/types.js';

/** The part of JSON Schema (draft 2020-12) the network's schema uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

// ---------------------------------------------------------------------------
// A forgiving JSON parser: every node with its offsets, whatever the text's state.

export type JNode = JObject | JArray | JString | JWord;

export interface JObject {
  type: 'object';
  start: number;
  /** Offset after the closing brace, or where the object stopped (unclosed). */
  end: number;
  closed: boolean;
  members: JMember[];
}

export interface JArray {
  type: 'array';
  start: number;
  end: number;
  closed: boolean;
  items: JNode[];
}

export interface JString {
  type: 'string';
  start: number;
  /** After the closing quote; for an unclosed string, the end of its line. */
  end: number;
  closed: boolean;
  value: string;
}

/** A number, `true`/`false`/`null`, or a bare word being typed (a key without its quotes). */
export interface JWord {
  type: 'word';
  start: number;
  end: number;
  text: string;
}

export interface JMember {
  key: JString | JWord;
  /** Offset of the colon, or -1 when there is none yet. */
  colon: number;
  value: JNode | null;
}

const WS = /[ \t\r\n]/;
const WORD = /[^ \t\r\n{}[\]:,"]/;

/** Parse as much structure as `text` has; never throws on bad JSON (null for no value at all). */
export function parseLoose(text: string): JNode | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && WS.test(text[i] as string)) i++;
  };
  const str = (): JString => {
    const start = i++;
    // A JSON string cannot hold a raw newline: an unclosed one ends with its line, so a quote
    // being typed does not swallow the rest of the document.
    while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' && text[i + 1] !== '\n' ? 2 : 1;
    i = Math.min(i, text.length);
    // A quote followed by a letter opens the next string (`"ker|"kind":…`, a key typed before
    // another): nothing valid follows a closing quote so closely. This string is left unclosed.
    const closed = text[i] === '"' && !(i + 1 < text.length && WORD.test(text[i + 1] as string));
    if (closed) i++;
    const raw = text.slice(start + 1, closed ? i - 1 : i);
    let value = raw;
    try {
      value = JSON.parse(`"${raw}"`) as string;
    } catch {
      /* a half-typed escape: keep the raw characters */
    }
    return { type: 'string', start, end: i, closed, value };
  };
  const word = (): JWord => {
    const start = i;
    while (i < text.length && WORD.test(text[i] as string)) i++;
    return { type: 'word', start, end: i, text: text.slice(start, i) };
  };
  const value = (depth: number): JNode | null => {
    ws();
    const c = text[i];
    if (c === undefined) return null;
    if (depth > 200) return null; // deeper than any network; keeps the recursion bounded
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return str();
    if (WORD.test(c)) return word();
    return null;
  };
  const object = (depth: number): JObject => {
    const node: JObject = { type: 'object', start: i++, end: text.length, closed: false, members: [] };
    for (;;) {
      ws();
      const c = text[i];
      if (c === undefined) break;
      if (c === '}') {
        node.closed = true;
        i++;
        break;
      }
      // A bracket where a key belongs: this object was left open (the next layer starts); the parent takes it.
      if (c === ']' || c === '{' || c === '[') break;
      if (c === ',' || c === ':') {
        i++;
        continue;
      }
      const key = c === '"' ? str() : word();
      const member: JMember = { key, colon: -1, value: null };
      node.members.push(member);
      const save = i;
      ws();
      if (text[i] === ':') {
        member.colon = i++;
        ws();
        if (i < text.length && !',}]'.includes(text[i] as string)) member.value = value(depth + 1);
      } else i = save;
    }
    node.end = i;
    return node;
  };
  const array = (depth: number): JArray => {
    const node: JArray = { type: 'array', start: i++, end: text.length, closed: false, items: [] };
    for (;;) {
      ws();
      const c = text[i];
      if (c === undefined) break;
      if (c === ']') {
        node.closed = true;
        i++;
        break;
      }
      if (c === '}') break;
      if (c === ',' || c === ':') {
        i++;
        continue;
      }
      const v = value(depth + 1);
      if (v) node.items.push(v);
      else i++;
    }
    node.end = i;
    return node;
  };
  return value(0);
}

// ---------------------------------------------------------------------------
// Where the caret is: in a key, in a value, or between them.

export type Segment = string | number;

/** A container on the way from the root to the caret, and the segment taken into it. */
interface Step {
  node: JObject | JArray;
  /** The member being completed (for an object): it does not count when choosing a schema variant. */
  skip: JMember | null;
}

export interface Context {
  /** `key`: a member's name is completed; `value`: a value (of a member or an array element). */
  role: 'key' | 'value';
  /** The JSON path of the object (key) or of the value (value). */
  path: Segment[];
  /** The containers from the root down to the one holding the caret. */
  steps: Step[];
  /** The token the caret is in, if any (the typed part of a key or value). */
  token: JString | JWord | null;
  /** For a key: the member whose key it is (null when the caret is between members). */
  member: JMember | null;
}

const insideToken = (t: JString | JWord, pos: number): boolean =>
  t.type === 'string' ? pos > t.start && (pos < t.end || (!t.closed && pos <= t.end)) : pos >= t.start && pos <= t.end;

const containsPos = (n: JObject | JArray, pos: number): boolean => pos > n.start && (pos < n.end || (!n.closed && pos <= n.end));

/** Index of the last non-blank character before `pos`, or -1. */
function prevSignificant(text: string, pos: number): number {
  let j = pos - 1;
  while (j >= 0 && WS.test(text[j] as string)) j--;
  return j;
}

/** Index of the first non-blank character at or after `pos` (text.length if none). */
function nextSignificant(text: string, pos: number): number {
  let j = pos;
  while (j < text.length && WS.test(text[j] as string)) j++;
  return j;
}

/** The completion context at `pos`, or null where nothing can be completed (outside the document, inside a number). */
export function contextAt(text: string, root: JNode | null, pos: number): Context | null {
  if (!root || root.type === 'string' || root.type === 'word') return null;
  const steps: Step[] = [];
  const path: Segment[] = [];
  let node: JObject | JArray = root;
  if (!containsPos(node, pos)) return null;
  for (;;) {
    if (node.type === 'object') {
      let next: JObject | JArray | null = null;
      for (const m of node.members) {
        if (insideToken(m.key, pos)) {
          steps.push({ node, skip: m });
          return { role: 'key', path, steps, token: m.key, member: m };
        }
        const v = m.value;
        if (v && (v.type === 'object' || v.type === 'array') && containsPos(v, pos)) {
          steps.push({ node, skip: m });
          path.push(m.key.type === 'string' ? m.key.value : m.key.text);
          next = v;
          break;
        }
        if (v && (v.type === 'string' || v.type === 'word') && insideToken(v, pos)) {
          steps.push({ node, skip: m });
          return { role: 'value', path: [...path, keyName(m)], steps, token: v, member: m };
        }
        // After the colon, before the value (or with none yet): a value; a comma in between makes it a new key.
        if (m.colon >= 0 && pos > m.colon && (!v || pos <= v.start) && !text.slice(m.colon + 1, pos).includes(',')) {
          steps.push({ node, skip: m });
          return { role: 'value', path: [...path, keyName(m)], steps, token: null, member: m };
        }
      }
      if (!next) {
        steps.push({ node, skip: null });
        return { role: 'key', path, steps, token: null, member: null };
      }
      node = next;
    } else {
      let next: JObject | JArray | null = null;
      for (let k = 0; k < node.items.length; k++) {
        const v = node.items[k] as JNode;
        if ((v.type === 'object' || v.type === 'array') && containsPos(v, pos)) {
          steps.push({ node, skip: null });
          path.push(k);
          next = v;
          break;
        }
        if ((v.type === 'string' || v.type === 'word') && insideToken(v, pos)) {
          steps.push({ node, skip: null });
          return { role: 'value', path: [...path, k], steps, token: v, member: null };
        }
      }
      if (!next) {
        steps.push({ node, skip: null });
        const k = node.items.filter((v) => v.end <= pos).length;
        return { role: 'value', path: [...path, k], steps, token: null, member: null };
      }
      node = next;
    }
  }
}

const keyName = (m: JMember): string => (m.key.type === 'string' ? m.key.value : m.key.text);

// ---------------------------------------------------------------------------
// The schema at a path: every variant (anyOf) that agrees with what the text already says.

/** `anyOf`/`oneOf` flattened to their alternatives. */
function alternatives(s: JsonSchema | boolean | undefined): JsonSchema[] {
  if (!s || s === true) return [];
  const alts = s.anyOf ?? s.oneOf;
  return alts ? alts.flatMap(alternatives) : [s];
}

/** The literal a string or word token stands for, if it is a complete JSON literal. */
function literal(v: JNode | null): { ok: true; value: unknown } | { ok: false } {
  if (!v) return { ok: false };
  if (v.type === 'string') return v.closed ? { ok: true, value: v.value } : { ok: false };
  if (v.type === 'word') {
    try {
      return { ok: true, value: JSON.parse(v.text) as unknown };
    } catch {
      return { ok: false };
    }
  }
  return { ok: false };
}

/**
 * The object variants of `schemas` that fit `node`: a member whose value is a complete literal
 * must match the variant's `const` there (the layer's `kind` picks its schema). With `byKeys`,
 * variants lacking a key the object has are dropped too, unless that leaves none.
 */
function objectVariants(schemas: JsonSchema[], node: JObject, skip: JMember | null, byKeys: boolean): JsonSchema[] {
  const objs = schemas.flatMap(alternatives).filter((s) => s.properties);
  const members = node.members.filter((m) => m !== skip);
  const fits = objs.filter((s) =>
    members.every((m) => {
      const p = s.properties?.[keyName(m)];
      if (!p || !('const' in p)) return true;
      const lit = literal(m.value);
      return !lit.ok || lit.value === p.const;
    }),
  );
  // A const that no variant has (a misspelt kind): every variant, so what they share is still offered.
  const base = fits.length ? fits : objs;
  if (!byKeys) return base;
  const keyed = base.filter((s) => members.every((m) => keyName(m) in (s.properties ?? {})));
  return keyed.length ? keyed : base;
}

/** The schemas of the value at `ctx.path` (for a key context: of the object holding the key). */
function schemasAt(root: JsonSchema, ctx: Context): JsonSchema[] {
  let cur: JsonSchema[] = [root];
  const depth = ctx.role === 'key' ? ctx.steps.length - 1 : ctx.steps.length;
  for (let d = 0; d < depth; d++) {
    const { node, skip } = ctx.steps[d] as Step;
    const seg = ctx.path[d] as Segment;
    if (node.type === 'object') {
      cur = objectVariants(cur, node, skip, false).flatMap((s) => {
        const p = s.properties?.[seg as string];
        return p ? [p] : [];
      });
    } else {
      cur = cur.flatMap(alternatives).flatMap((s) => {
        const p = s.prefixItems ? s.prefixItems[seg as number] : undefined;
        const it = p ?? (s.items && s.items !== true ? s.items : undefined);
        return it ? [it] : [];
      });
    }
  }
  return cur;
}

// ---------------------------------------------------------------------------
// Types in a few characters, for the list: `number ≥ 1 | [number ≥ 1, number ≥ 1]`.

/** Bounds as large as MAX_DIM say nothing to a reader: only small ranges are shown. */
const SHOWN_MAX = 1e6;

/** A short signature of a schema, in JSON Schema's own type names. */
export function signature(s: JsonSchema | boolean | undefined): string {
  if (s === undefined || s === true) return 'any';
  if (s === false) return 'never';
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return [...new Set(alts.map(signature))].join(' | ');
  if ('const' in s) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'number' || type === 'integer') {
    const { minimum: lo, maximum: hi } = s;
    if (lo !== undefined && hi !== undefined && hi <= SHOWN_MAX) return `${type} ${lo}…${hi}`;
    if (lo !== undefined) return `${type} ≥ ${lo}`;
    if (hi !== undefined && hi <= SHOWN_MAX) return `${type} ≤ ${hi}`;
    return type;
  }
  if (type === 'array') {
    if (s.prefixItems) return `[${s.prefixItems.map(signature).join(', ')}]`;
    const it = signature(s.items as JsonSchema | boolean | undefined);
    return it.includes(' ') ? `(${it})[]` : `${it}[]`;
  }
  return type ?? 'any';
}

// ---------------------------------------------------------------------------
// Suggestions.

export interface Suggestion {
  /** What the list shows and filters on: a field name, a kind, a layer path, `true`. */
  label: string;
  /** `field`: a member name; `value`: a constant the schema allows; `layer`: a layer's path (or the network input). */
  type: 'field' | 'value' | 'layer';
  /** A field's type signature (from the schema); a layer's kind; empty for the network input and plain constants. */
  detail: string;
  /** A field every variant requires. */
  required?: boolean;
  /** For a value that picks a schema variant (a layer `kind`): the fields that variant requires besides the common ones. */
  needs?: string[];
  /** Replaces text[from, to). */
  insert: string;
  /** Caret offset inside `insert` after accepting. */
  caret: number;
  /** Open the list again after accepting (the inserted field's value has suggestions). */
  reopen: boolean;
}

export interface Completion {
  from: number;
  to: number;
  /** What is typed of the token so far (the filter). */
  prefix: string;
  role: Context['role'];
  path: Segment[];
  items: Suggestion[];
}

/** JSON paths whose strings name a layer, and which layers they may name: the format's semantics, not in the schema. */
function referenceKind(path: readonly Segment[]): 'inputs' | 'any' | null {
  const [a, b, c, d] = path;
  if (a === 'layers' && typeof b === 'number' && c === 'inputs' && (path.length === 3 || (path.length === 4 && typeof d === 'number'))) return 'inputs';
  if (a === 'output' && path.length === 1) return 'any';
  if (a === 'aux' && typeof b === 'number' && c === 'path' && path.length === 3) return 'any';
  return null;
}

interface LayerRef {
  path: string;
  kind: string;
  index: number;
}

/** The layers the text lists (path and kind), in order, as far as they can be read. */
export function layerRefs(root: JNode | null): LayerRef[] {
  if (!root || root.type !== 'object') return [];
  const layers = root.members.find((m) => keyName(m) === 'layers')?.value;
  if (!layers || layers.type !== 'array') return [];
  const out: LayerRef[] = [];
  layers.items.forEach((l, index) => {
    if (l.type !== 'object') return;
    const get = (k: string) => {
      const v = l.members.find((m) => keyName(m) === k)?.value;
      return v?.type === 'string' && v.closed ? v.value : '';
    };
    const path = get('path');
    if (path) out.push({ path, kind: get('kind'), index });
  });
  return out;
}

/** A value placeholder for a newly inserted field: the caret goes where typing continues. */
function placeholder(schemas: JsonSchema[]): { text: string; caret: number } {
  const alts = schemas.flatMap(alternatives);
  const types = new Set(alts.map((s) => ('const' in s ? typeof s.const : Array.isArray(s.type) ? s.type[0] : s.type)));
  if (types.size === 1 && types.has('string')) return { text: '""', caret: 1 };
  if (types.size === 1 && types.has('array')) {
    const items = alts.flatMap((s) => alternatives(s.items as JsonSchema | undefined));
    return items.length && items.every((s) => s.type === 'string') ? { text: '[""]', caret: 2 } : { text: '[]', caret: 1 };
  }
  if (types.size === 1 && types.has('object')) return { text: '{}', caret: 1 };
  return { text: '', caret: 0 };
}

/** The constants a value may take: `const`s, `enum`s, booleans, null. */
function constants(schemas: JsonSchema[]): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<string>();
  const add = (v: unknown) => {
    const k = JSON.stringify(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  };
  for (const s of schemas.flatMap(alternatives)) {
    if ('const' in s) add(s.const);
    else if (s.enum) s.enum.forEach(add);
    else if (s.type === 'boolean') [true, false].forEach(add);
    else if (s.type === 'null') add(null);
  }
  return out;
}

/** Rank a label against what is typed: 0 starts with it, 1 contains it, -1 neither (case-insensitive). */
export function rank(label: string, prefix: string): number {
  if (!prefix) return 0;
  const l = label.toLowerCase();
  const p = prefix.toLowerCase();
  return l.startsWith(p) ? 0 : l.includes(p) ? 1 : -1;
}

/**
 * What can be typed at `pos` of `text`: the replaced range, the typed prefix and the suggestions
 * that match it (starting with it first, then containing it, each in the schema's order).
 * Null when the caret is nowhere a suggestion could go. With `explicit` (Ctrl+Space) the caret
 * may also be between tokens; without it (as you type) only inside a key or value being typed.
 */
export function complete(text: string, pos: number, schema: JsonSchema, options: { explicit?: boolean } = {}): Completion | null {
  let root: JNode | null;
  try {
    root = parseLoose(text);
  } catch {
    return null; // a pathological text (stack): no suggestions rather than a broken editor
  }
  const ctx = contextAt(text, root, pos);
  if (!ctx) return null;
  if (!ctx.token && !options.explicit) return null;
  const tok = ctx.token;
  // A number being typed has nothing to complete.
  if (tok?.type === 'word' && ctx.role === 'value' && /^-?\d/.test(tok.text)) return null;

  const quoted = tok?.type === 'string';
  let from = tok ? tok.start : pos;
  const prefix = tok ? text.slice(tok.start + (quoted ? 1 : 0), pos) : '';
  // The end of what is replaced: the token, but never past a quote that opens the next string.
  let to = pos;
  if (tok) {
    if (tok.type === 'word') to = tok.end;
    else {
      while (to < text.length && WORD.test(text[to] as string)) to++;
      // The caret inside a string that is closed: the whole string is replaced, whatever it holds
      // (a path may have a colon, a space or an escaped quote, which end a word but not a string).
      if (tok.closed && to < tok.end) {
        const after = text[nextSignificant(text, tok.end)];
        // The quote after the typed part closes it when what follows fits a key (colon) or a value (comma, bracket, line end).
        const ours = after === undefined || (ctx.role === 'key' ? ':,}'.includes(after) : ',}]'.includes(after)) || /\n/.test(text.slice(tok.end, nextSignificant(text, tok.end)));
        if (ours) to = tok.end;
      }
    }
  }
  // Before a following member or element, put a comma. An object left open (a bracket where a key
  // belongs) is not continued by the next layer's brace.
  const next = text[nextSignificant(text, to)];
  const element = ctx.role === 'value' && !ctx.member;
  const commaAfter = next !== undefined && (next === '"' || WORD.test(next) || (element && (next === '{' || next === '[')));
  // Between members or elements, after a value with no comma: put one in.
  let commaBefore = '';
  if (ctx.role === 'key' || !ctx.member) {
    const p = prevSignificant(text, from);
    if (p >= 0 && !'{[,:'.includes(text[p] as string)) {
      if (/^[ \t]*$/.test(text.slice(p + 1, from))) {
        from = p + 1;
        commaBefore = ', ';
      } else commaBefore = ',';
    }
  }
  const tail = commaAfter ? ',' : '';

  const items: Suggestion[] = [];
  if (ctx.role === 'key') {
    const step = ctx.steps[ctx.steps.length - 1] as Step;
    const obj = step.node as JObject;
    const variants = objectVariants(schemasAt(schema, ctx), obj, ctx.member, true);
    if (variants.length === 0) return null;
    const present = new Set(obj.members.filter((m) => m !== ctx.member).map(keyName));
    const first = variants[0] as JsonSchema;
    const keys = Object.keys(first.properties ?? {}).filter((k) => !present.has(k) && variants.every((v) => v.properties && k in v.properties));
    const required = (k: string) => variants.every((v) => v.required?.includes(k));
    const hasColon = ctx.member ? ctx.member.colon >= 0 : text[nextSignificant(text, to)] === ':';
    const ordered = [...keys.filter(required), ...keys.filter((k) => !required(k))];
    for (const k of ordered) {
      const fieldSchemas = variants.map((v) => v.properties?.[k] as JsonSchema);
      const name = `${commaBefore}${JSON.stringify(k)}`;
      let insert = name;
      let caret = name.length;
      let reopen = false;
      if (!hasColon) {
        const ph = placeholder(fieldSchemas);
        const head = `${name}: `;
        insert = `${head}${ph.text}${tail}`;
        caret = head.length + ph.caret;
        const childPath = [...ctx.path, k];
        reopen = constants(fieldSchemas).length > 0 || referenceKind(childPath) !== null || (referenceKind([...childPath, 0]) !== null && ph.text === '[""]');
      }
      items.push({ label: k, type: 'field', detail: [...new Set(fieldSchemas.map(signature))].join(' | '), ...(required(k) ? { required: true } : {}), insert, caret, reopen });
    }
  } else {
    const ref = referenceKind(ctx.path);
    const valueSchemas = schemasAt(schema, ctx);
    if (ref) {
      const refs = layerRefs(root);
      const layerIndex = typeof ctx.path[1] === 'number' ? ctx.path[1] : -1;
      // A layer reads the network input or a layer listed before it; the nearest first.
      const names: Array<{ path: string; kind: string }> =
        ref === 'inputs' ? [...refs.filter((r) => r.index < layerIndex).reverse(), { path: INPUT, kind: '' }] : [...refs].reverse();
      // `"inputs": |` (no array yet): each suggestion is a one-element array.
      const wrap = ctx.path.length === 3 && ctx.path[2] === 'inputs';
      const seen = new Set<string>();
      for (const r of names) {
        if (seen.has(r.path)) continue;
        seen.add(r.path);
        const lit = wrap ? `[${JSON.stringify(r.path)}]` : JSON.stringify(r.path);
        const insert = `${commaBefore}${lit}${tail}`;
        items.push({ label: r.path, type: 'layer', detail: r.kind, insert, caret: commaBefore.length + lit.length, reopen: false });
      }
    } else {
      // Values of a discriminating field (a layer's `kind`): which fields each variant requires.
      const parentStep = ctx.member ? (ctx.steps[ctx.steps.length - 1] as Step) : null;
      let parents: JsonSchema[] = [];
      if (parentStep && parentStep.node.type === 'object') {
        const holder: Context = { ...ctx, role: 'key', path: ctx.path.slice(0, -1) };
        parents = objectVariants(schemasAt(schema, holder), parentStep.node, ctx.member, false);
      }
      const key = ctx.path[ctx.path.length - 1];
      const common = parents.length > 1 ? new Set((parents[0]?.required ?? []).filter((r) => parents.every((p) => p.required?.includes(r)))) : new Set<string>();
      for (const v of constants(valueSchemas)) {
        const lit = JSON.stringify(v);
        const insert = `${commaBefore}${lit}${tail}`;
        const owner = parents.length > 1 ? parents.filter((p) => { const ps = p.properties?.[key as string]; return ps !== undefined && 'const' in ps && ps.const === v; }) : [];
        const needs = owner.length === 1 ? (owner[0]?.required ?? []).filter((r) => !common.has(r)) : undefined;
        items.push({ label: typeof v === 'string' ? v : lit, type: 'value', detail: '', ...(needs ? { needs } : {}), insert, caret: commaBefore.length + lit.length, reopen: false });
      }
    }
  }
  const ranked = items.map((s, order) => ({ s, r: rank(s.label, prefix), order })).filter((x) => x.r >= 0);
  ranked.sort((a, b) => a.r - b.r || a.order - b.order);
  return { from, to, prefix, role: ctx.role, path: ctx.path, items: ranked.map((x) => x.s) };
}
