/**
 * Cell texts by their UTF-8 bytes, each distinct text decoded once. A ledger repeats
 * itself: a month of 1,000,000 rows has a few thousand employee ids, 30 dates, a handful
 * of kinds and yes/no words. Looking the bytes up here (by a few words of them, see
 * `text`) gives the same string object every time,
 * so reading such a cell allocates nothing, and the Map look-ups later on that string find
 * its hash already computed. Texts that are long, or that arrive once the pool is full,
 * are decoded each time: the pool never grows past its bounds, whatever the file.
 *
 * The table grows with the texts it holds, so a column of a few thousand ids keeps its
 * look-ups within a few cache lines' reach rather than spread over a large table.
 */

/** Longer texts (notes, addresses) are seldom repeated: not worth keeping. */
const MAX_POOLED_BYTES = 64;
const MAX_ENTRIES = 1 << 16;
/** Ints a slot of the table: three words of the text's bytes, then its entry + 1 (0 =
 *  free) and its length packed in one (`(entry + 1) << 7 | length`). */
const SLOT = 4;
/** Up to this many bytes, the three words hold every byte of a text. */
const WORDS_BYTES = 12;

export class TextPool {
  /** Open addressing, a slot per text (SLOT ints). */
  private table = new Int32Array(SLOT * 1024);
  /** The texts, by entry. */
  readonly strings: string[] = [];
  /** Where each entry's bytes start in `bytes`. */
  private readonly starts: number[] = [];
  private bytes: Uint8Array = new Uint8Array(1 << 14);
  private used = 0;

  /** @param maxEntries texts kept at most; later ones are decoded each time. */
  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** The text of `buf[start, end)`. */
  text(buf: Buffer, start: number, end: number): string {
    if (start === end) return '';
    const entry = this.entry(buf, start, end);
    return entry >= 0 ? this.strings[entry] : buf.toString('utf8', start, end);
  }

  /**
   * The entry of the text `buf[start, end)` (not empty), added if new, or -1 when it is
   * not kept (too long, or the pool is full). A text is looked up by three little-endian
   * words of its bytes (the first four, the middle four, the last four; for a text under
   * four bytes its first, last and middle byte) and its length: for a text of up to twelve
   * bytes — ids, dates, numbers, short words — they are all its bytes, so a match needs
   * no byte-by-byte comparison; longer texts are compared byte by byte as well.
   */
  entry(buf: Buffer, start: number, end: number): number {
    const length = end - start;
    if (length > MAX_POOLED_BYTES) return -1;
    let w1: number;
    let w2 = 0;
    let w3 = 0;
    if (length >= 4) {
      const mid = start + ((length - 4) >> 1);
      w1 = buf[start] | (buf[start + 1] << 8) | (buf[start + 2] << 16) | (buf[start + 3] << 24);
      w2 = buf[mid] | (buf[mid + 1] << 8) | (buf[mid + 2] << 16) | (buf[mid + 3] << 24);
      w3 = buf[end - 4] | (buf[end - 3] << 8) | (buf[end - 2] << 16) | (buf[end - 1] << 24);
    } else {
      w1 = buf[start] | (buf[end - 1] << 8) | (buf[start + (length >> 1)] << 16);
    }
    let hash = Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2 ^ length, 0x85ebca77) ^ Math.imul(w3, 0xc2b2ae3d);
    hash ^= hash >>> 15;
    const table = this.table;
    const mask = table.length / SLOT - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const t = slot * SLOT;
      const meta = table[t + 3];
      if (meta === 0) return this.add(buf, start, length, t, w1, w2, w3);
      if (table[t] !== w1 || table[t + 1] !== w2 || table[t + 2] !== w3 || (meta & 127) !== length) continue;
      const entry = (meta >> 7) - 1;
      if (length <= WORDS_BYTES) return entry;
      const bytes = this.bytes;
      const at = this.starts[entry];
      let k = 0;
      while (k < length && bytes[at + k] === buf[start + k]) k++;
      if (k === length) return entry;
    }
  }

  private add(buf: Buffer, start: number, length: number, t: number, w1: number, w2: number, w3: number): number {
    const entry = this.strings.length;
    if (entry >= this.maxEntries) return -1;
    const text = buf.toString('utf8', start, start + length);
    if (this.used + length > this.bytes.length) this.bytes = grown(this.bytes, this.bytes.length * 2);
    this.bytes.set(buf.subarray(start, start + length), this.used);
    const table = this.table;
    table[t] = w1;
    table[t + 1] = w2;
    table[t + 2] = w3;
    table[t + 3] = ((entry + 1) << 7) | length;
    this.starts.push(this.used);
    this.used += length;
    this.strings.push(text);
    // Kept at most half full, so a probe soon meets the text or a free slot.
    if (2 * (entry + 1) > table.length / SLOT) this.rehash();
    return entry;
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = table.length / SLOT - 1;
    for (let s = 0; s < old.length; s += SLOT) {
      if (old[s + 3] === 0) continue;
      let hash = Math.imul(old[s], 0x9e3779b1) ^ Math.imul(old[s + 1] ^ (old[s + 3] & 127), 0x85ebca77) ^ Math.imul(old[s + 2], 0xc2b2ae3d);
      hash ^= hash >>> 15;
      let slot = hash & mask;
      while (table[slot * SLOT + 3] !== 0) slot = (slot + 1) & mask;
      table.set(old.subarray(s, s + SLOT), slot * SLOT);
    }
    this.table = table;
  }
}

function grown(array: Uint8Array, capacity: number): Uint8Array {
  const bigger = new Uint8Array(capacity);
  bigger.set(array);
  return bigger;
}
