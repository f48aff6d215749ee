/**
 * YAML parsing that keeps positions, so every config problem can say `kpi.yaml:12:7`.
 * Warnings (unknown tags …) count as errors, an alias bomb is stopped and pointed at,
 * duplicate keys are errors, nesting deeper than any scheme needs is refused before
 * anything walks it, `__proto__` is refused as a key (it would vanish from a record
 * silently), and no YAML 1.1 surprises (`NO` → false, timestamps) apply.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';
import { configText } from '../messages/config.js';
import type { Text, TextLike } from '../messages/text.js';

export type Path = readonly PropertyKey[];

/** A scheme nests 7 levels (dimensions → … → bands → min); anything near this is not one. */
export const MAX_DEPTH = 32;
/** Copies of anchored values an alias may make (yaml's default is 100). */
const MAX_ALIAS_COUNT = 50;
const STRUCTURE_HINT = configText.structureHint();
const TOO_DEEP = 'the YAML is nested too deeply for kpi to read';

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
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (p: Problem) => {
    // yaml reports a stack overflow once per enclosing collection: one line is enough.
    const key = p.message === TOO_DEEP ? TOO_DEEP : `${p.where}\n${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    add({
      where: at(e.pos[0]),
      message: yamlMessage(e.code, e.message, text.slice(e.pos[0], e.pos[0] + 200).split(/[:\n]/)[0].trim()),
      hint: yamlHint(e.code),
    });
  }
  if (doc.errors.length === 0) for (const p of shapeProblems(doc.contents as Node | null, at)) add(p);
  let data: unknown = null;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const alias = firstAlias(doc.contents as Node | null);
      const bomb = /alias/i.test((error as Error).message);
      problems.push({
        where: alias && bomb ? at(alias.offset) : `${file}:1:1`,
        message: bomb
          ? configText.aliasBomb({ alias: alias ? ` (*${alias.name} …)` : '', max: MAX_ALIAS_COUNT })
          : configText.yamlUnreadable({ message: (error as Error).message }),
        hint: bomb ? configText.aliasBombHint() : undefined,
      });
    }
  }
  const locate = (path: Path, key = false) => at(offsetOf(doc, path, key));
  return { data, problems, locate };
}

function yamlHint(code: string): Text | undefined {
  if (code === 'DUPLICATE_KEY' || code === 'TAG_RESOLVE_FAILED') return undefined;
  if (code === 'MULTIPLE_DOCS') return configText.multipleDocsHint();
  if (code === 'RESOURCE_EXHAUSTION') return configText.nestingHint({ max: MAX_DEPTH });
  return STRUCTURE_HINT;
}

function yamlMessage(code: string, message: string, token: string): TextLike {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return configText.duplicateKey({ key: token });
    case 'TAG_RESOLVE_FAILED':
      return configText.tagNotAllowed({ message: first });
    case 'MULTIPLE_DOCS':
      return configText.multipleDocs();
    case 'RESOURCE_EXHAUSTION':
      return /call stack/i.test(first) ? TOO_DEEP : configText.yamlSyntax({ message: first });
    default:
      return configText.yamlSyntax({ message: first });
  }
}

/**
 * Problems of the document's shape that must be caught before anything walks the data:
 * nesting deeper than MAX_DEPTH (the first place only), and `__proto__` keys, which zod's
 * records drop without a word (so a role or source named so would silently vanish).
 */
function shapeProblems(root: Node | null, at: (offset: number) => string): Problem[] {
  const problems: Problem[] = [];
  let tooDeep = false;
  const walk = (node: unknown, depth: number): void => {
    if (tooDeep || !(isMap(node) || isSeq(node))) return;
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      problems.push({ where: at(node.range?.[0] ?? 0), message: configText.tooDeep({ max: MAX_DEPTH }), hint: configText.tooDeepHint() });
      return;
    }
    for (const item of node.items) {
      if (isPair(item)) {
        if (isScalar(item.key) && item.key.value === '__proto__') {
          problems.push({ where: at(item.key.range?.[0] ?? 0), message: configText.protoKey(), hint: configText.rename() });
        }
        walk(item.value, depth + 1);
      } else {
        walk(item, depth + 1);
      }
    }
  };
  walk(root, 1);
  return problems;
}

/** The first alias of the document (`*name`) and where it is, for an alias bomb's place. */
function firstAlias(root: Node | null): { name: string; offset: number } | null {
  const stack: unknown[] = [root];
  let found: { name: string; offset: number } | null = null;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      if (!found || offset < found.offset) found = { name: node.source, offset };
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return found;
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
