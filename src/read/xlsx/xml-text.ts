/**
 * The text of XML as a spreadsheet means it: entity and character references resolved,
 * line ends normalised in character data (XML §2.11) and white space in attribute values
 * (§3.3.3). Kept apart from the scanner, which only finds where text starts and ends.
 */

const ENTITY_RE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function replaceEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name];
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  // An invalid code point is kept as written rather than failing the whole workbook.
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** Character data: line ends normalised to \n (XML §2.11), references resolved. */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') >= 0 ? s.replace(ENTITY_RE, replaceEntity) : s;
}

/** Attribute values: white space becomes spaces (XML §3.3.3), then references resolve. */
export function decodeAttribute(raw: string): string {
  let plain = true;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    plain = c !== 38 && c >= 32; // no & and no tab/CR/LF: nearly every value
  }
  if (plain) return raw;
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.indexOf('&') >= 0 ? s.replace(ENTITY_RE, replaceEntity) : s;
}
