/**
 * Writes schema/kpi.schema.json from the zod schema of kpi.yaml, so editors (VS Code with
 * the YAML extension: `# yaml-language-server: $schema=…`) complete and check the config.
 * `npm run schema` regenerates it; a test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema, numberish } from '../dist/config/schema.js';

const NUMBERISH = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*%\\s*$' }] };

export function buildJsonSchema() {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === numberish || ctx.zodSchema === numberish._zod.def.in) Object.assign(ctx.jsonSchema, NUMBERISH);
    },
  });
  return `${JSON.stringify({ title: 'kpi.yaml — the scheme of kpi', ...schema }, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  writeFileSync(new URL('../schema/kpi.schema.json', import.meta.url), buildJsonSchema());
}
