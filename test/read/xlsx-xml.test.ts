/**
 * The hand-written XML scanner and number-format rules behind the workbook reader. The
 * scanner is checked against saxes (a conforming XML parser) on generated documents cut
 * into random chunks: same elements, attributes and text, wherever the cuts fall.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { formatCodeKind, formatKind, isDateFormat, isDateFormatCode } from '../../src/read/xlsx/numfmt.js';
import { columnIndex, columnName } from '../../src/read/xlsx/refs.js';
import { XmlError, XmlScanner } from '../../src/read/xlsx/xml.js';

const ATTRS = ['r', 's', 't', 'ref'];
type Event = string;

function scan(chunks: string[]): Event[] {
  const events: Event[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const scanner: XmlScanner = new XmlScanner({
    open(name, tag) {
      flush();
      events.push(`open ${name} ${JSON.stringify(ATTRS.map((a) => tag.attr(a) ?? null))}`);
    },
    close(name) {
      flush();
      events.push(`close ${name}`);
    },
    text(t) {
      text += t;
    },
  }, ['c', 'v']);
  scanner.wantText = true;
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  flush();
  return events;
}

function reference(xml: string): Event[] {
  const events: Event[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    flush();
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) if (!k.startsWith('xmlns')) attrs[local(k)] = v as string;
    events.push(`open ${local(tag.name)} ${JSON.stringify(ATTRS.map((a) => attrs[a] ?? null))}`);
  });
  parser.on('closetag', (tag) => {
    flush();
    events.push(`close ${local(tag.name)}`);
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.write(xml).close();
  flush();
  return events;
}

// Generated documents: prefixed and plain names, attributes in either quote with entities,
// `>` and white space in values, text with references, CDATA, comments and CR/LF.
const name = fc.constantFrom('c', 'v', 'row', 'x:c', 'x:row', 'is', 't', 'rPh', 'sheetData');
const valueChar = fc.constantFrom('a', 'Z', '1', ' ', '>', '\t', '中', '&amp;', '&lt;', '&#65;', '&#x4E2D;', '&quot;', '\n', '\r\n');
const value = fc.array(valueChar, { maxLength: 6 }).map((parts) => parts.join(''));
const attribute = fc.record({ key: fc.constantFrom('r', 's', 't', 'ref', 'x:t', 'spans'), value, single: fc.boolean(), space: fc.constantFrom('', ' ', '\n ') });
const textPiece = fc.constantFrom('a', ' ', '42', '&amp;', '&gt;', '&#12354;', '\r\n', '\n', '<![CDATA[<x> & ]]>', '<!-- note -->', '<?pi x?>', 'é', '𝄞');
const text = fc.array(textPiece, { maxLength: 5 }).map((parts) => parts.join(''));

interface Node { name: string; attrs: { key: string; value: string; single: boolean; space: string }[]; children: (Node | string)[] }
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name,
    attrs: fc.uniqueArray(attribute, { maxLength: 3, selector: (a) => a.key.slice(a.key.indexOf(':') + 1) }),
    children: fc.array(fc.oneof({ depthSize: 'small', maxDepth: 4 }, text, tie('node')), { maxLength: 3 }),
  }),
})).node;

function serialize(n: Node): string {
  const attrs = n.attrs.map((a) => {
    const v = a.single ? a.value.replace(/'/g, '&apos;') : a.value.replace(/"/g, '&quot;');
    return `${a.space || ' '}${a.key}${a.space.length > 1 ? ' = ' : '='}${a.single ? `'${v}'` : `"${v}"`}`;
  }).join('');
  const ns = ' xmlns:x="urn:x"';
  if (n.children.length === 0) return `<${n.name}${ns}${attrs}/>`;
  return `<${n.name}${ns}${attrs}>${n.children.map((c) => (typeof c === 'string' ? c : serialize(c))).join('')}</${n.name}\n>`;
}

function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

describe('XmlScanner', () => {
  it('agrees with saxes on generated documents, however they are cut into chunks', () => {
    fc.assert(
      fc.property(node, fc.array(fc.nat(), { maxLength: 8 }), (root, at) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- head -->${serialize(root)}`;
        expect(scan(cut(xml, at))).toEqual(reference(xml));
      }),
      { numRuns: 400 },
    );
  });

  it('cuts inside every construct: one character at a time', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x:c r='A1' t = "s"><v>&amp;&#x4E2D;<![CDATA[]]>]]></v><!--c--></x:c>`;
    expect(scan([...xml])).toEqual(scan([xml]));
    expect(scan([xml])).toEqual(['open c ["A1",null,"s",null]', 'open v [null,null,null,null]', 'text "&中]]>"', 'close v', 'close c']);
  });

  it('never expands DOCTYPE entities', () => {
    expect(scan(['<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'])).toEqual(['open x [null,null,null,null]', 'text "&a;"', 'close x']);
  });

  it.each([
    ['<a><b></a></b>', '</a> does not close <b>'],
    ['<a></a></b>', '</b> does not close anything'],
    ['<a x=1/>', 'unquoted attribute value'],
    ['<a x/>', 'malformed attribute'],
    ['<a>', 'the part ends before </a>'],
    ['<a><b', 'the part ends inside a tag'],
  ])('%s is an error: %s', (xml, message) => {
    expect(() => scan([xml])).toThrow(XmlError);
    expect(() => scan([xml])).toThrow(message);
  });
});

describe('number formats', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-804]yyyy年m月d日 aaaa', true],
    ['[DBNum1][$-804]m"月"d"日"', true],
    ['h:mm AM/PM', true],
    ['[h]:mm:ss', true],
    ['[mm]', true],
    ['mmm-yy;@', true],
    ['0.00%', false],
    ['[Red]0', false],
    ['[Red][<=100]0;[Blue]0', false],
    ['#,##0 "days"', false],
    ['0\\d', false],
    ['_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', false],
    ['General', false],
    ['G/通用格式', false],
    ['@', false],
    ['0.00E+00', false],
  ])('%s → date: %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });

  it('built-in ids: 14–22, 27–36, 45–47, 50–58 are dates; a declared code wins over the id', () => {
    const dates = Array.from({ length: 60 }, (_, id) => id).filter((id) => isDateFormat(id, undefined));
    expect(dates).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
    expect(isDateFormat(14, '0.0')).toBe(false);
    expect(isDateFormat(200, 'yyyy/m/d')).toBe(true);
  });
});

describe('cell references', () => {
  it.each([['A1', 0], ['Z9', 25], ['AA1', 26], ['XFD1048576', 16383], ['c5', 2], ['5', -1]])('%s → column %i', (ref, index) => {
    expect(columnIndex(ref)).toBe(index);
  });

  it('columnName inverts columnIndex', () => {
    for (const i of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnName(i))).toBe(i);
  });
});

describe('date formats and time formats (SPEC §4.6: a time cell is not a date)', () => {
  it.each([
    ['h:mm:ss', 'time'],
    ['[h]:mm:ss', 'time'],
    ['[h]:mm:ss;@', 'time'],
    ['mm:ss', 'time'],
    ['[mm]:ss', 'time'],
    ['[mm]', 'time'],
    ['mm:ss.0', 'time'],
    ['h:mm AM/PM', 'time'],
    ['[$-F400]h:mm:ss AM/PM', 'time'],
    ['h"时"mm"分"ss"秒"', 'time'],
    ['上午/下午h"时"mm"分"', 'time'],
    ['yyyy-mm-dd', 'date'],
    ['yyyy-mm-dd hh:mm:ss', 'date'],
    ['m/d/yy h:mm', 'date'],
    ['mmm-yy', 'date'],
    ['yyyy"年"m"月"', 'date'],
    ['0.00', null],
    ['General', null],
  ])('%s → %s', (code, kind) => {
    expect(formatCodeKind(code)).toBe(kind);
  });

  it('built-in ids: 18–21, 32–35, 45–47, 55–56 are times; 14–17, 22 and the other East Asian ones dates', () => {
    const ids = Array.from({ length: 60 }, (_, id) => id);
    expect(ids.filter((id) => formatKind(id, undefined) === 'time')).toEqual([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);
    expect(ids.filter((id) => formatKind(id, undefined) === 'date')).toEqual([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
    expect(formatKind(21, 'yyyy-mm-dd')).toBe('date'); // a declared code wins over the id
  });
});
