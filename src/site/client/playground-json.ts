/**
 * The playground's JSON document for the code editor: CodeMirror's JSON language (Lezer grammar,
 * highlighting), completion from the network's JSON Schema (what playground-complete.ts decides
 * fits at the caret, turned into CodeMirror completions), and the playground's diagnostics
 * (playground-doc.ts) turned into lint marks at the text they name. A PyTorch tab would bring its
 * own module of the same shape: a `DocumentLanguage` and a reader of its text.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import type { BadgedCompletion, DocumentLanguage, EditorDiagnostic } from './code-editor.js';
import { replacing } from './code-editor.js';
import { complete, type JsonSchema, type Suggestion } from './playground-complete.js';
import { type Item, lineSpan, READ_CAP_CHARS } from './playground-doc.js';

/** The list's words, in the page's language. */
export interface CompletionWords {
  required: string;
  /** The fields a layer kind needs (`needs in_channels, out_channels`). */
  needs(fields: string): string;
  /** The detail of the `input` reference. */
  networkInput: string;
}

const TYPES: Record<Suggestion['type'], string> = { field: 'property', value: 'enum', layer: 'variable' };

/**
 * Suggestions from the schema at the caret. The order and the filtering are playground-complete's
 * (what starts with the typed part first, then what contains it, each in the schema's order), so
 * CodeMirror's own fuzzy filter is off. A text over the read cap gets none: reading it loosely on
 * every key would cost more than the list is worth.
 */
export function schemaCompletion(schema: JsonSchema, words: CompletionWords): CompletionSource {
  return (ctx: CompletionContext): CompletionResult | null => {
    if (ctx.state.doc.length > READ_CAP_CHARS) return null;
    const c = complete(ctx.state.doc.toString(), ctx.pos, schema, { explicit: ctx.explicit });
    if (!c || c.items.length === 0) return null;
    const options: Completion[] = c.items.map((s, i) => {
      const detail = s.type === 'layer' ? s.detail || words.networkInput : s.needs?.length ? words.needs(s.needs.join(', ')) : s.detail;
      const base: BadgedCompletion = { label: s.label, type: TYPES[s.type], boost: -i, ...(detail ? { detail } : {}), ...(s.required ? { badge: words.required } : {}) };
      return replacing(base, c.from, c.to, s.insert, s.caret, s.reopen);
    });
    return {
      from: c.from,
      to: c.to,
      options,
      filter: false,
      // The typed part underlined in each label, where the label has it.
      getMatch: (o) => {
        if (!c.prefix) return [];
        const at = o.label.toLowerCase().indexOf(c.prefix.toLowerCase());
        return at < 0 ? [] : [at, at + c.prefix.length];
      },
    };
  };
}

/** Network JSON: highlighting, completion from the schema, and wrapping after commas. */
export function networkJson(schema: JsonSchema, words: CompletionWords): DocumentLanguage {
  return { support: json(), completion: schemaCompletion(schema, words), breakAfter: /,/ };
}

/**
 * The lint marks of the playground's diagnostics: each at the text it names (the field, the layer,
 * the token a syntax error stopped at), in the page's language with its fix. A diagnostic that
 * names nothing in the text (a text too large to read) has no mark; the page lists it.
 */
export function lintMarks(text: string, items: readonly Item[], zh: boolean): EditorDiagnostic[] {
  const out: EditorDiagnostic[] = [];
  for (const item of items) {
    const span = item.span ?? (item.line !== null ? lineSpan(text, item.line) : null);
    if (!span) continue;
    const said = zh && item.zh ? item.zh : item;
    const fix = said.fix ? `\n${zh ? '修改建议：' : 'Fix:'} ${said.fix}` : '';
    out.push({ from: span.start, to: span.end, severity: item.severity, message: `${said.message}${fix}` });
  }
  return out;
}
