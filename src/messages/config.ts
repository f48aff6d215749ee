/**
 * What kpi says about the scheme (kpi.yaml): reading it, YAML problems, shape problems
 * (wrong keys and types), and the rules a scheme must keep (weights, references, grades,
 * vetoes, formulas). `kpi validate` lists them as `kpi.yaml:line:column: message (hint)`.
 */
import { defineMessages } from './text.js';

export const configText = defineMessages('config', {
  problemsInConfig: { en: (p: { file: string; count: number }) => `${p.file}: ${p.count} problems in the config`, zh: (p) => `${p.file}：考核方案中有 ${p.count} 处问题` },
});
