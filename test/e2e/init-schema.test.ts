/**
 * Issue 15, item 7: `kpi init` wires kpi.yaml to the JSON Schema — its first line is the
 * YAML language server's modeline, whose path, read from the folder of kpi.yaml, is the
 * schema this kpi ships; and the schema knows the duration types and duration_format.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runKpi } from './run-cli.js';

describe('kpi init and the JSON Schema', () => {
  it('writes the modeline first, with a relative path that resolves to schema/kpi.schema.json', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kpi-modeline-')), 'scheme');
    const run = runKpi(['init', dir, '--locale', 'en']);
    expect(run.status, run.stderr).toBe(0);
    const [first, second] = readFileSync(join(dir, 'kpi.yaml'), 'utf8').split('\n');
    const match = /^# yaml-language-server: \$schema=(\.\.\/.*kpi\.schema\.json)$/.exec(first);
    expect(match, first).not.toBeNull();
    expect(resolve(dir, match![1])).toBe(join(ROOT, 'schema', 'kpi.schema.json'));
    expect(second).toMatch(/^# /); // the scheme's own comment follows
    // The config still validates with the modeline on top.
    expect(runKpi(['validate', '-c', join(dir, 'kpi.yaml')]).status).toBe(0);
  });

  it('the schema knows the duration types and duration_format', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'kpi.schema.json'), 'utf8'));
    const source = schema.properties.sources.additionalProperties;
    expect(source.properties.types.additionalProperties.enum).toEqual(['text', 'number', 'boolean', 'date', 'seconds', 'minutes', 'hours']);
    expect(source.properties.duration_format.enum).toEqual(['h:mm', 'mm:ss']);
    expect(existsSync(join(ROOT, 'schema', 'kpi.schema.json'))).toBe(true);
  });
});
