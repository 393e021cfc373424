// What the caller's roles allow in the interface. The server decides (and
// answers 403 otherwise); these only choose which controls and pages to show.
// The scope rules are those of docs/SECURITY.md and src/core/scope.c.
import type { RoleName, UnitNode } from '@/api/types';

/** The part of a user these rules read (the session's user is readonly). */
export type Who = { readonly roles: readonly { readonly role: RoleName; readonly unit: string }[] } | null;

export const ROLE_NAMES: RoleName[] = [
  'director',
  'deputy_director',
  'head',
  'deputy_head',
  'specialist',
  'reception',
  'clerk',
  'control',
  'steering',
  'admin',
];

/** Roles that see the staff directory and unit tree in the back office. */
const DIRECTORY_ROLES: RoleName[] = ['director', 'deputy_director', 'head', 'deputy_head', 'control', 'steering', 'admin'];
const DRAFTER_ROLES: RoleName[] = ['specialist', 'head', 'deputy_head'];

export function hasRole(user: Who, roles: RoleName[]): boolean {
  return !!user?.roles.some((r) => roles.includes(r.role));
}

export const isAdmin = (user: Who): boolean => hasRole(user, ['admin']);
export const isDirector = (user: Who): boolean => hasRole(user, ['director']);
export const seesDirectory = (user: Who): boolean => hasRole(user, DIRECTORY_ROLES);
/** Reception officers receive dossiers at the one-stop desk. */
export const isReception = (user: Who): boolean => hasRole(user, ['reception']);
/** Unit staff who open internal cases (POST /api/cases); the server checks the item's unit. */
export const opensCases = (user: Who): boolean => hasRole(user, ['head', 'deputy_head', 'specialist', 'director', 'deputy_director']);
/** Readers of the statistics (the register's readers, GET /api/stats). */
export const seesStats = (user: Who): boolean =>
  hasRole(user, ['reception', 'head', 'deputy_head', 'director', 'deputy_director', 'control', 'steering']);

/** code → parent code, from the unit tree. */
export function parentsOf(tree: UnitNode[]): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  const walk = (nodes: UnitNode[], parent: string | null): void => {
    for (const n of nodes) {
      parents.set(n.code, parent);
      walk(n.children, n.code);
    }
  };
  walk(tree, null);
  return parents;
}

/** Is `unit` the unit `ancestor` or below it? */
export function within(parents: Map<string, string | null>, unit: string, ancestor: string): boolean {
  for (let u: string | null | undefined = unit, guard = 0; u && guard < 64; u = parents.get(u), guard++) {
    if (u === ancestor) return true;
  }
  return false;
}

/** May the user draft and submit versions of a process owned by `unit`? */
export function canDraft(user: Who, unit: string, parents: Map<string, string | null>): boolean {
  return !!user?.roles.some((r) => DRAFTER_ROLES.includes(r.role) && within(parents, unit, r.unit));
}

/** The tree as a list in display order, with each unit's depth. */
export function flattenUnits(tree: UnitNode[]): { unit: UnitNode; depth: number }[] {
  const out: { unit: UnitNode; depth: number }[] = [];
  const walk = (nodes: UnitNode[], depth: number): void => {
    for (const n of nodes) {
      out.push({ unit: n, depth });
      walk(n.children, depth + 1);
    }
  };
  walk(tree, 0);
  return out;
}
