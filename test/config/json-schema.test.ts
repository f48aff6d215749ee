/**
 * The shipped JSON Schema (schema/kpi.schema.json) must match the zod schema it is made
 * from, and must accept the sample config: editors then complete what kpi accepts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain JS build script, no types
import { buildJsonSchema } from '../../scripts/json-schema.js';

describe('schema/kpi.schema.json', () => {
  it('is up to date (run "npm run schema" after changing src/config/schema.ts)', () => {
    expect(readFileSync('schema/kpi.schema.json', 'utf8')).toBe(buildJsonSchema());
  });

  it('describes percentages as numbers or "95%" strings, and forbids unknown keys', () => {
    const schema = JSON.parse(readFileSync('schema/kpi.schema.json', 'utf8'));
    expect(schema.properties.max_total.anyOf[1].pattern).toContain('%');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'sources', 'metrics', 'dimensions', 'roles', 'grades']));
  });
});
