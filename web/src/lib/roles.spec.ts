import { describe, expect, it } from 'vitest';
import type { UnitNode } from '@/api/types';
import { canDraft, flattenUnits, isAdmin, overseesDeadlines, parentsOf, seesDirectory, seesStats, within } from './roles';

const node = (code: string, children: UnitNode[] = []): UnitNode => ({ code, name: code, kind: 'division', parent: null, children });
const tree = [node('BGD', [node('TCBC'), node('VP', [node('MC')])])];
const parents = parentsOf(tree);
const who = (...roles: [string, string][]) => ({ roles: roles.map(([role, unit]) => ({ role: role as 'head', unit })) });

describe('roles', () => {
  it('places a unit under its ancestors only', () => {
    expect(within(parents, 'MC', 'VP')).toBe(true);
    expect(within(parents, 'MC', 'BGD')).toBe(true);
    expect(within(parents, 'VP', 'MC')).toBe(false);
    expect(within(parents, 'TCBC', 'VP')).toBe(false);
  });

  it('lets specialists and heads of the owning unit (or above) draft, nobody else', () => {
    expect(canDraft(who(['specialist', 'TCBC']), 'TCBC', parents)).toBe(true);
    expect(canDraft(who(['head', 'VP']), 'MC', parents)).toBe(true);
    expect(canDraft(who(['specialist', 'VP']), 'TCBC', parents)).toBe(false);
    expect(canDraft(who(['director', 'BGD']), 'TCBC', parents)).toBe(false);
    expect(canDraft(who(['control', 'TCBC']), 'TCBC', parents)).toBe(false);
    expect(canDraft(null, 'TCBC', parents)).toBe(false);
  });

  it('opens administration to admins and the directory to leaders', () => {
    expect(isAdmin(who(['admin', 'VP']))).toBe(true);
    expect(isAdmin(who(['head', 'VP']))).toBe(false);
    expect(seesDirectory(who(['head', 'VP']))).toBe(true);
    expect(seesDirectory(who(['specialist', 'VP'], ['reception', 'MC']))).toBe(false);
  });

  it("shows this month's on-time rate first to leaders and the control team, not to the desk", () => {
    expect(overseesDeadlines(who(['director', 'BGD']))).toBe(true);
    expect(overseesDeadlines(who(['control', 'TCBC']))).toBe(true);
    expect(overseesDeadlines(who(['reception', 'MC']))).toBe(false);
    expect(seesStats(who(['reception', 'MC']))).toBe(true);
    expect(overseesDeadlines(who(['specialist', 'TCBC']))).toBe(false);
  });

  it('flattens the tree in display order with depths', () => {
    expect(flattenUnits(tree).map((u) => `${u.depth}${u.unit.code}`)).toEqual(['0BGD', '1TCBC', '1VP', '2MC']);
  });
});
