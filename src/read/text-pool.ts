/**
 * Cell texts by their UTF-8 bytes, each distinct text decoded once. A ledger repeats
 * itself: a month of 1,000,000 rows has a few thousand employee ids, 30 dates, a handful
 * of kinds and yes/no words. Looking the bytes up here (a hash computed while the
 * tokenizer scans them, then a byte comparison) gives the same string object every time,
 * so reading such a cell allocates nothing, and the Map look-ups later on that string find
 * its hash already computed. Texts that are long, or that arrive once the pool is full,
 * are decoded each time: the pool never grows past its bounds, whatever the file.
 *
 * The table grows with the texts it holds, so a column of a few thousand ids keeps its
 * look-ups within a few cache lines' reach rather than spread over a large table.
 */

/** FNV-1a, 32 bits: the tokenizer folds each byte in with `fnvStep` as it scans. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const fnvStep = (hash: number, byte: number): number => Math.imul(hash ^ byte, 0x01000193);

/** Longer texts (notes, addresses) are seldom repeated: not worth keeping. */
const MAX_POOLED_BYTES = 64;
const MAX_ENTRIES = 1 << 16;

export class TextPool {
  /** Open addressing, two ints a slot: the text's hash, and its entry + 1 (0 = free). */
  private table = new Int32Array(2 * 1024);
  /** Two ints an entry: where its bytes start in `bytes`, and how many. */
  private entries = new Int32Array(2 * 512);
  private readonly strings: string[] = [];
  private bytes = new Uint8Array(1 << 14);
  private used = 0;

  /** The text of `buf[start, end)`, whose FNV-1a hash is `hash`. */
  text(buf: Buffer, start: number, end: number, hash: number): string {
    const length = end - start;
    if (length === 0) return '';
    if (length > MAX_POOLED_BYTES) return buf.toString('utf8', start, end);
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot + 1] - 1;
      if (entry < 0) return this.add(buf, start, length, hash, slot);
      if (table[2 * slot] !== hash || this.entries[2 * entry + 1] !== length) continue;
      const bytes = this.bytes;
      const at = this.entries[2 * entry] - start;
      let k = start;
      while (k < end && bytes[at + k] === buf[k]) k++;
      if (k === end) return this.strings[entry];
    }
  }

  private add(buf: Buffer, start: number, length: number, hash: number, slot: number): string {
    const text = buf.toString('utf8', start, start + length);
    const entry = this.strings.length;
    if (entry >= MAX_ENTRIES) return text;
    if (this.used + length > this.bytes.length) this.bytes = grown(this.bytes, this.bytes.length * 2);
    if (2 * entry + 2 > this.entries.length) this.entries = grown(this.entries, this.entries.length * 2);
    this.bytes.set(buf.subarray(start, start + length), this.used);
    this.entries[2 * entry] = this.used;
    this.entries[2 * entry + 1] = length;
    this.used += length;
    this.strings.push(text);
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = entry + 1;
    // Kept at most half full, so a probe soon meets the text or a free slot.
    if (4 * (entry + 1) > this.table.length) this.rehash();
    return text;
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s] & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s];
      table[2 * slot + 1] = old[s + 1];
    }
    this.table = table;
  }
}

function grown<T extends Uint8Array | Int32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
