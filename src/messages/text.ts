/**
 * Texts in two languages (SPEC §15). Every sentence kpi shows a person is a message: one id,
 * its parameters, and its English and Chinese texts, written side by side in a catalog
 * (`src/messages/<area>.ts`, made with `defineMessages`). Calling a message gives a `Text`
 * that carries both languages; the edge that shows it picks one — the terminal by the
 * reader's language (`--lang`, KPI_LANG, LANG…), reports by the config's `locale`, JSON
 * always English. So deep code never needs to know who will read what it says.
 */

/** The two languages: the config's `locale` values, and the terminal's. */
export type Lang = 'en' | 'zh-CN';

/** A sentence in both languages; `String(text)` is the English one (JSON, logs, tests). */
export interface Text {
  readonly en: string;
  readonly zh: string;
  toString(): string;
  toJSON?(): string;
}

/** What carries a message: a Text, or a plain string (ledger text, or not yet a message). */
export type TextLike = string | Text;

class BilingualText implements Text {
  constructor(readonly en: string, readonly zh: string) {}
  toString(): string {
    return this.en;
  }
  /** JSON is English (SPEC §15): a Text inside a report or validation serialises as its en. */
  toJSON(): string {
    return this.en;
  }
}

/** A text given in both languages at once (for words that need no catalog entry). */
export function bilingual(en: string, zh: string): Text {
  return new BilingualText(en, zh);
}

/** Ledger text, a file name or a number that reads the same in every language. */
export function verbatim(value: string): Text {
  return new BilingualText(value, value);
}

/** Texts (or plain strings, taken as they are) joined, in each language, by `separator`. */
export function joinText(parts: ReadonlyArray<Text | string>, separator: Text | string = ''): Text {
  const pick = (part: Text | string, lang: 'en' | 'zh') => (typeof part === 'string' ? part : part[lang]);
  return new BilingualText(parts.map((p) => pick(p, 'en')).join(pick(separator, 'en')), parts.map((p) => pick(p, 'zh')).join(pick(separator, 'zh')));
}

export function isText(value: unknown): value is Text {
  return value instanceof BilingualText;
}

/** The text in one language; a plain string (not yet translated, or verbatim) as it is. */
export function say(text: Text | string, lang: Lang): string {
  if (typeof text === 'string') return text;
  return lang === 'zh-CN' ? text.zh : text.en;
}

/** One message's two texts, functions of the same parameters. */
export interface MessageDef<P> {
  en: (params: P) => string;
  zh: (params: P) => string;
}

/** A string parameter may be given as a Text: each language's text then takes its own. */
type TextParams<P> = { [K in keyof P]: P[K] extends string ? string | Text : P[K] };

/** The parameters as one language sees them: a Text parameter becomes its text in it. */
function inLang(params: unknown, lang: 'en' | 'zh'): unknown {
  if (params === null || typeof params !== 'object') return params;
  let copy: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (value instanceof BilingualText) (copy ??= { ...(params as Record<string, unknown>) })[key] = value[lang];
  }
  return copy ?? params;
}

/** A catalog's messages as functions; the parameters are those the English text declares. */
type Messages<C> = {
  [K in keyof C]: C[K] extends { en: (...args: infer A) => string }
    ? A extends [infer P] ? (unknown extends P ? () => Text : P extends void ? () => Text : (params: TextParams<P>) => Text) : () => Text
    : never;
};

/** Every catalog made so far, for the test that checks both languages of every message. */
export const catalogs: Array<{ area: string; entries: Record<string, MessageDef<any>> }> = [];

/**
 * A catalog of messages: `const m = defineMessages('read', { notANumber: { en: (p: {value: string}) => …, zh: (p) => … } })`,
 * then `m.notANumber({ value })` is a Text. The Chinese text takes the parameters the English
 * one declares, so the two cannot drift apart in type; test/messages checks they use the same.
 */
export function defineMessages<C extends Record<string, MessageDef<any>>>(area: string, entries: C): Messages<C> {
  catalogs.push({ area, entries });
  const made: Record<string, (params: unknown) => Text> = {};
  for (const [id, def] of Object.entries(entries)) made[id] = (params: unknown) => new BilingualText(def.en(inLang(params, 'en')), def.zh(inLang(params, 'zh')));
  return made as Messages<C>;
}

/** A text as it crosses to or from a worker thread (structured clone drops the class). */
export type WireText = string | { en: string; zh: string };

export function toWire(text: string | Text): WireText {
  return typeof text === 'string' ? text : { en: text.en, zh: text.zh };
}

export function fromWire(wire: WireText): string | Text {
  return typeof wire === 'string' ? wire : new BilingualText(wire.en, wire.zh);
}
