/**
 * Who is assessed, and under which role (SPEC §2): every roster person, plus people found in
 * the ledgers. A roster role that matches no role is an error for that person; people not in
 * the roster are a warning and are scored under `default_role`.
 */
import type { Role, RowOrigin, Scheme } from './types.js';
import { peopleText } from '../messages/people.js';
import { joinText, type TextLike } from '../messages/text.js';

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
  error: TextLike | null;
  inRoster: boolean;
}

export interface PeopleResult {
  people: Person[];
  warnings: TextLike[];
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
  return { ...base, role: null, error: peopleText.roleNotInConfig({ role: entry.role ?? '', known }) };
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
  const warnings: TextLike[] = [];
  const listed = new Map<string, RosterEntry>();
  for (const entry of roster ?? []) {
    const first = listed.get(entry.id);
    if (first) {
      warnings.push(peopleText.listedTwice({ file: entry.origin.file, row: entry.origin.row, id: entry.id, first: first.origin.row }));
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
    const error = role ? null : peopleText.noDefaultRole();
    people.push({ id, name, team: null, role, error, inRoster: false });
  }
  if (notInRoster.length > 0) {
    const shown = joinText([notInRoster.slice(0, 10).join(', '), notInRoster.length > 10 ? peopleText.inAll({ count: notInRoster.length }) : '']);
    const how = role ? peopleText.scoredAs({ role: role.label }) : peopleText.notScored();
    warnings.push(peopleText.notInRoster({ count: notInRoster.length, how, shown }));
  }
  return { people, warnings, notInRoster };
}
