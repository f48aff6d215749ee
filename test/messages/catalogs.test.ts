/**
 * Every message of every catalog (src/messages/*.ts) in both languages (SPEC §15): each has
 * an English and a Chinese text, neither empty, both reading the same parameters — called
 * with a recording Proxy, so a parameter one language forgets is caught — and the Chinese
 * is not the English left untranslated (unless the text is only placeholders and symbols).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/messages/text.js';

const files = readdirSync(new URL('../../src/messages/', import.meta.url)).filter((f) => f.endsWith('.ts'));
for (const file of files) await import(`../../src/messages/${file}`);

/** A parameter's stand-in: `{name}` as text, 2 as a number (so plurals take a branch). */
function placeholder(name: string): unknown {
  return { [Symbol.toPrimitive]: (hint: string) => (hint === 'number' ? 2 : `{${name}}`), toString: () => `{${name}}` };
}

function call(fn: (params: any) => string): { text: string; read: string[] } {
  const read = new Set<string>();
  const params = new Proxy({}, {
    get: (_, key) => {
      if (typeof key === 'symbol') return undefined;
      read.add(key);
      return placeholder(key);
    },
  });
  return { text: fn(params), read: [...read].sort() };
}

const messages = catalogs.flatMap(({ area, entries }) => Object.entries(entries).map(([id, def]) => ({ name: `${area}.${id}`, def })));

describe('message catalogs', () => {
  it('are all loaded (the catalog of each area under src/messages)', () => {
    expect(catalogs.map((c) => c.area)).toEqual(expect.arrayContaining(['cli', 'common']));
    expect(new Set(catalogs.map((c) => c.area)).size).toBe(catalogs.length);
  });

  it.each(messages)('$name has both languages, the same parameters, and real Chinese', ({ name, def }) => {
    expect(typeof def.en, `${name}: en`).toBe('function');
    expect(typeof def.zh, `${name}: zh`).toBe('function');
    const en = call(def.en);
    const zh = call(def.zh);
    expect(en.text.trim(), `${name}: empty English`).not.toBe('');
    expect(zh.text.trim(), `${name}: empty Chinese`).not.toBe('');
    expect(zh.read, `${name}: the two texts read different parameters`).toEqual(en.read);
    const words = en.text.replace(/\{[^}]*\}/g, '').replace(/[^A-Za-z]+/g, '');
    if (words.length > 0) expect(zh.text, `${name}: the Chinese is the English untranslated`).not.toBe(en.text);
  });
});
