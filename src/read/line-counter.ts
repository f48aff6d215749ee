/**
 * The line an editor shows a place on, counted over text that arrives in pieces: LF, CRLF
 * and a lone CR each end a line (the tokenizer's rule), and a CRLF cut between two pieces
 * counts once.
 */
export class LineCounter {
  /** The line the text fed so far ends on (1-based). */
  line = 1;
  private lastCr = false;

  /** Takes in `text[0, end)`; returns the line its end is on. */
  feed(text: Buffer | string, end = text.length): number {
    const chars = typeof text === 'string';
    for (let i = 0; i < end; i++) {
      const c = chars ? text.charCodeAt(i) : text[i];
      if (c === 0x0d || (c === 0x0a && !this.lastCr)) this.line++;
      this.lastCr = c === 0x0d;
    }
    return this.line;
  }
}
