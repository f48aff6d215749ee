/**
 * YAML parsing that keeps positions, so every config problem can say `kpi.yaml:12:7`.
 * Warnings (unknown tags …) count as errors, an alias bomb is stopped, duplicate keys are
 * errors, and no YAML 1.1 surprises (`NO` → false, timestamps) apply.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';

export type Path = readonly PropertyKey[];

export interface ParsedYaml {
  data: unknown;
  problems: Problem[];
  /** `file:line:column` of the value at `path` (or of its key), or of the nearest parent. */
  locate(path: Path, key?: boolean): string;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, merge: false,
    version: '1.2', schema: 'core', resolveKnownTags: false, stringKeys: true,
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    where: at(e.pos[0]),
    message: yamlMessage(e.code, e.message, text.slice(e.pos[0], e.pos[0] + 200).split(/[:\n]/)[0].trim()),
    hint: e.code === 'DUPLICATE_KEY' || e.code === 'TAG_RESOLVE_FAILED' ? undefined : 'look at the indentation and brackets on this line and the line above',
  }));
  let data: unknown = null;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      problems.push({ where: `${file}:1:1`, message: `the YAML could not be read: ${(error as Error).message}` });
    }
  }
  const locate = (path: Path, key = false) => at(offsetOf(doc, path, key));
  return { data, problems, locate };
}

function yamlMessage(code: string, message: string, token: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `the key "${token}" appears twice in the same block; keep one`;
    case 'TAG_RESOLVE_FAILED':
      return `${first} (tags such as !foo are not allowed in kpi.yaml)`;
    default:
      return `YAML syntax: ${first}`;
  }
}

/** Walks the document to the node at `path`; falls back to the deepest node found. */
function offsetOf(doc: Document, path: Path, key: boolean): number {
  let node: Node | null = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && key) return keyNode.range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? keyNode;
      offset = node.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}
