/**
 * Tests that drive a real program (headless Chromium, LibreOffice, a PostgreSQL server) ask
 * for it here. Where it is missing, `npm test` skips them with one line naming the program
 * and how to install it; `.ci/run` installs every component first and sets
 * KPI_REQUIRE_COMPONENTS=1, so there a missing one fails the run instead of hiding it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, basename } from 'node:path';

type Name = 'chromium' | 'libreoffice' | 'postgresql';
interface Component { commands: string[]; apt: string }

const LIST = JSON.parse(readFileSync(new URL('./components.json', import.meta.url), 'utf8')) as { components: Record<Name, Component> };
const told = new Set<Name>();

/** The path of the component's program, or undefined where it is not installed. */
export function componentPath(name: Name): string | undefined {
  for (const pattern of LIST.components[name].commands) {
    const found = expand(pattern).find((path) => existsSync(path));
    if (found) return found;
  }
  return undefined;
}

/** Whether the tests that need `name` can run; says once why not, or fails under CI. */
export function hasComponent(name: Name): boolean {
  if (componentPath(name)) return true;
  const how = `apt-get install ${LIST.components[name].apt}`;
  if (process.env.KPI_REQUIRE_COMPONENTS === '1') {
    throw new Error(`${name} is required here (KPI_REQUIRE_COMPONENTS=1) but missing: ${how}`);
  }
  if (!told.has(name)) {
    told.add(name);
    process.stderr.write(`skipped: the tests that need ${name} (not installed; ${how})\n`);
  }
  return false;
}

/** One `*` in a folder name, as in /usr/lib/postgresql/<version>/bin/pg_ctl. */
function expand(pattern: string): string[] {
  const star = pattern.indexOf('*');
  if (star < 0) return [pattern];
  const parent = dirname(pattern.slice(0, star + 1));
  const rest = pattern.slice(pattern.indexOf('/', star));
  // What the folder name holds before the `*` (basename() of `…/postgresql/` would say
  // `postgresql`, the parent's name).
  const prefix = pattern.slice(pattern.lastIndexOf('/', star) + 1, star);
  if (!existsSync(parent)) return [];
  return readdirSync(parent).filter((entry) => entry.startsWith(prefix)).sort().reverse().map((entry) => `${parent}/${entry}${rest}`);
}
