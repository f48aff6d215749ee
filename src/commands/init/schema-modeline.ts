/**
 * The first line `kpi init` writes into kpi.yaml: `# yaml-language-server: $schema=…`,
 * which points the YAML extension of VS Code (Red Hat's) and other editors that speak the
 * YAML language server at the JSON Schema kpi ships — completion, hover and checks as the
 * config is typed. The path is relative to the folder of kpi.yaml when one exists (Windows:
 * another drive has none), so the folder can move with the project; it leads to the schema
 * of the kpi that wrote it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folder of kpi's package.json, found upwards from this file (src/, dist/ or the bundle). */
export function packageRoot(from = fileURLToPath(import.meta.url)): string | null {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kpi') return dir;
      } catch {
        // not ours; look further up
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

/** The modeline for a kpi.yaml written into `folder`, or null when the schema is not there. */
export function schemaModeline(folder: string, root = packageRoot()): string | null {
  if (root === null) return null;
  const schema = join(root, 'schema', 'kpi.schema.json');
  if (!existsSync(schema)) return null;
  const path = relative(resolve(folder), schema);
  const target = path === '' || isAbsolute(path) ? pathToFileURL(schema).href : path.split(sep).join('/');
  return `# yaml-language-server: $schema=${target}`;
}
