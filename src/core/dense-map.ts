/**
 * A map from small non-negative integers to small non-negative integers, held in an array:
 * what a per-row loop uses instead of a Map when the keys are dense (pool entries,
 * employee keys), so that a look-up is an array read.
 */
export class DenseMap {
  /** value + 1 by key; 0 = none. */
  private slots = new Int32Array(0);

  /** The value of `key`, or -1. */
  get(key: number): number {
    return key < this.slots.length ? this.slots[key] - 1 : -1;
  }

  set(key: number, value: number): void {
    if (key >= this.slots.length) {
      const bigger = new Int32Array(Math.max(key + 1, 2 * this.slots.length, 256));
      bigger.set(this.slots);
      this.slots = bigger;
    }
    this.slots[key] = value + 1;
  }
}
