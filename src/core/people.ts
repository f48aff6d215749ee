/**
 * Who is assessed, and under which role (SPEC §2): every roster person, plus people found in
 * the ledgers. A roster role that matches no role is an error for that person; people not in
 * the roster are a warning and are scored under `default_role`.
 */
import type { Role, RowOrigin, Scheme } from './types.js';

export interface RosterEntry {
  id: string;
  name: string | null;
  role: string | null;
  team: string | null;
  origin: RowOrigin;
}

export interface Person {
  id: string;
  name: string | null;
  team: string | null;
  role: Role | null;
  /** Why this person cannot be scored, or null. */
  error: string | null;
  inRoster: boolean;
}

export interface PeopleResult {
  people: Person[];
  warnings: string[];
  /** Ledger people missing from the roster (a warning; an error under --strict). */
  notInRoster: string[];
}

/** The role a person is scored under when the roster does not say. */
export function fallbackRole(scheme: Scheme): Role | null {
  if (scheme.defaultRole) return scheme.roles.find((r) => r.id === scheme.defaultRole) ?? null;
  return scheme.roles.length === 1 ? scheme.roles[0] : null;
}

function roleFromCell(scheme: Scheme, cell: string): Role | null {
  return scheme.roles.find((r) => r.id === cell) ?? scheme.roles.find((r) => r.label === cell) ?? null;
}

function rosterPerson(scheme: Scheme, entry: RosterEntry): Person {
  const base = { id: entry.id, name: entry.name, team: entry.team, inRoster: true };
  if (entry.role === null) {
    const role = fallbackRole(scheme);
    const error = role ? null : 'the roster gives no role and the config has no default_role';
    return { ...base, role, error };
  }
  const role = roleFromCell(scheme, entry.role);
  if (role) return { ...base, role, error: null };
  const known = scheme.roles.map((r) => (r.label !== r.id ? `${r.id} (${r.label})` : r.id)).join(', ');
  return { ...base, role: null, error: `role "${entry.role}" is not in the config (roles: ${known})` };
}

/**
 * @param seen people with rows in the period (or in an undated source), with a name if a
 *   ledger carried one.
 */
export function resolvePeople(
  scheme: Scheme,
  roster: readonly RosterEntry[] | null,
  seen: ReadonlyMap<string, string | null>,
): PeopleResult {
  const people: Person[] = [];
  const warnings: string[] = [];
  const listed = new Map<string, RosterEntry>();
  for (const entry of roster ?? []) {
    const first = listed.get(entry.id);
    if (first) {
      warnings.push(
        `${entry.origin.file} row ${entry.origin.row}: employee ${entry.id} is listed twice in the roster; using row ${first.origin.row}`,
      );
      continue;
    }
    listed.set(entry.id, entry);
    people.push(rosterPerson(scheme, entry));
  }
  const notInRoster: string[] = [];
  const role = fallbackRole(scheme);
  for (const [id, name] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (listed.has(id)) continue;
    if (roster) notInRoster.push(id);
    const error = role ? null : 'not in the roster, and the config has no default_role to score them under';
    people.push({ id, name, team: null, role, error, inRoster: false });
  }
  if (notInRoster.length > 0) {
    const shown = notInRoster.slice(0, 10).join(', ') + (notInRoster.length > 10 ? `, … (${notInRoster.length} in all)` : '');
    const how = role ? `scored as ${role.label}` : 'not scored';
    warnings.push(`${notInRoster.length} people in the ledgers are not in the roster (${how}): ${shown}`);
  }
  return { people, warnings, notInRoster };
}
