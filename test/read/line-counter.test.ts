/** Lines as an editor counts them, over text that arrives in pieces (src/read/line-counter.ts). */
import { describe, expect, it } from 'vitest';
import { LineCounter } from '../../src/read/line-counter.js';

describe('LineCounter', () => {
  it('LF, CRLF and a lone CR each end a line, whether text or bytes', () => {
    expect(new LineCounter().feed('a\nb\r\nc\rd')).toBe(4);
    expect(new LineCounter().feed(Buffer.from('a\nb\r\nc\rd'))).toBe(4);
  });

  it('a CRLF cut between two pieces counts once', () => {
    const lines = new LineCounter();
    lines.feed('a\r');
    expect(lines.feed('\nb')).toBe(2);
  });

  it('feeds up to `end` only: the line of a place inside the piece', () => {
    expect(new LineCounter().feed('a\nb\nc\n', 3)).toBe(2);
  });
});
