/**
 * The streams a command writes to, passed in so commands never touch `process` and tests
 * can capture what a person would see. Data goes to `out`; messages to `err`.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
