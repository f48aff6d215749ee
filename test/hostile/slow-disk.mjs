/**
 * Fault injection for the interrupted-write test: preloaded into a kpi process
 * (`node --import …/slow-disk.mjs bin/kpi.js …`), it makes writes to kpi's temporary
 * report files (`*.kpi-tmp`) crawl — 4 KiB every 10 ms, like a slow network share — so a
 * test can kill the process while a report is half written. Nothing else changes.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const CHUNK = 4096;
const PAUSE_MS = 10;
const slowFds = new Set();
const original = { openSync: fs.openSync, writeSync: fs.writeSync, closeSync: fs.closeSync, writeFileSync: fs.writeFileSync };
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);

fs.openSync = function openSync(path, ...rest) {
  const fd = original.openSync.call(fs, path, ...rest);
  if (String(path).endsWith('.kpi-tmp')) slowFds.add(fd);
  return fd;
};
fs.writeSync = function writeSync(fd, buffer, offset, length, position) {
  if (!slowFds.has(fd) || typeof buffer === 'string') return original.writeSync.call(fs, fd, buffer, offset, length, position);
  pause();
  return original.writeSync.call(fs, fd, buffer, offset ?? 0, Math.min(length ?? buffer.length - (offset ?? 0), CHUNK), position);
};
fs.closeSync = function closeSync(fd) {
  slowFds.delete(fd);
  return original.closeSync.call(fs, fd);
};
fs.writeFileSync = function writeFileSync(path, data, options) {
  if (!String(path).endsWith('.kpi-tmp')) return original.writeFileSync.call(fs, path, data, options);
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const fd = fs.openSync(path, 'w');
  try {
    for (let written = 0; written < bytes.length;) written += fs.writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    fs.closeSync(fd);
  }
};
syncBuiltinESMExports();
