// The cases of tests/unit/test_process.c (graph_rules,
// longest_path_message_is_exact, long_paths_are_elided_to_fit,
// too_many_steps), run against the browser's copy of the rules: same first
// error, same field, same English message as the server.
import { describe, expect, it } from 'vitest';
import type { TimeLimit } from '@/api/types';
import { translatorFor } from '@/test/translator';
import { checkProcess, type CheckedStep } from './processCheck';
import { issueMessage, issueSentence } from './processCheckMessage';

type Row = [key: string, role: string | null, hours: number, next: string, opts?: string];

/** next "&b,c": a parallel split to b and c; opts "b,c|e,f": parallel options (as in test_process.c). */
function build(rows: Row[]): CheckedStep[] {
  return rows.map(([key, role, hours, next, opts]) => {
    const parallel = next.startsWith('&');
    const keys = parallel ? next.slice(1) : next;
    return {
      key,
      name: 'Bước',
      role: role ?? 'specialist',
      unit: 'VP',
      hours,
      next: keys ? keys.split(',') : [],
      split: parallel ? 'parallel' : 'exclusive',
      ...(opts ? { parallel_options: opts.split('|').map((o) => o.split(',')) } : {}),
    };
  });
}

const days15: TimeLimit = { amount: 15, unit: 'working_days' };
const en = translatorFor('en');
const vi = translatorFor('vi');

interface GraphCase {
  name: string;
  rows: Row[];
  ok: boolean;
  field?: string;
  msg?: string;
  longestHalves?: number;
}

const graphCases: GraphCase[] = [
  { name: 'linear', rows: [['a', 'reception', 4, 'b'], ['b', null, 8, 'c'], ['c', 'head', 4, '']], ok: true, longestHalves: 32 },
  {
    name: 'branch takes the longer arm',
    rows: [['a', null, 1, 'b,c'], ['b', null, 2, 'd'], ['c', null, 10.5, 'd'], ['d', null, 0.5, '']],
    ok: true,
    longestHalves: 24,
  },
  { name: 'missing next key', rows: [['a', null, 1, 'zz']], ok: false, field: 'P.steps[0].next[0]', msg: 'zz: no step has this key' },
  {
    name: 'cycle',
    rows: [['a', null, 1, 'b'], ['b', null, 1, 'c'], ['c', null, 1, 'b']],
    ok: false,
    field: 'P.steps[1].next',
    msg: 'b is on a cycle',
  },
  {
    name: 'two starts',
    rows: [['a', null, 1, 'c'], ['b', null, 1, 'c'], ['c', null, 1, '']],
    ok: false,
    field: 'P.steps[1]',
    msg: 'b is a second start step',
  },
  { name: 'no start', rows: [['a', null, 1, 'b'], ['b', null, 1, 'a']], ok: false, field: 'P.steps', msg: 'has no start step' },
  { name: 'self loop', rows: [['a', null, 1, 'a']], ok: false, field: 'P.steps[0].next[0]', msg: 'a is this step itself' },
  { name: 'zero hours', rows: [['a', null, 0, '']], ok: false, field: 'P.steps[0].hours', msg: 'positive' },
  { name: 'quarter hours', rows: [['a', null, 1.25, '']], ok: false, field: 'P.steps[0].hours', msg: 'steps of 0.5' },
  {
    name: 'duplicate key',
    rows: [['a', null, 1, ''], ['a', null, 1, '']],
    ok: false,
    field: 'P.steps[1].key',
    msg: 'a is the key of an earlier step',
  },
  { name: 'unknown role', rows: [['a', 'boss', 1, '']], ok: false, field: 'P.steps[0].role', msg: 'boss is not a known role' },
  {
    name: 'duplicate next',
    rows: [['a', null, 1, 'b,b'], ['b', null, 1, '']],
    ok: false,
    field: 'P.steps[0].next[1]',
    msg: 'b is named twice',
  },
  {
    name: 'unreachable island is a cycle',
    rows: [['a', null, 1, ''], ['x', null, 1, 'y'], ['y', null, 1, 'x']],
    ok: false,
    field: 'P.steps[1].next',
    msg: 'is on a cycle',
  },
  { name: 'empty', rows: [], ok: false, field: 'P.steps', msg: 'at least one step' },
  { name: 'exactly the limit', rows: [['a', null, 60, 'b'], ['b', null, 60, '']], ok: true, longestHalves: 240 },
  {
    name: 'over the limit',
    rows: [
      ['tiep_nhan', 'reception', 4, 'tham_dinh'],
      ['tham_dinh', null, 100, 'ky'],
      ['ky', 'director', 16, 'tra_ket_qua'],
      ['tra_ket_qua', 'reception', 8, ''],
    ],
    ok: false,
    field: 'P',
    msg:
      'the longest path tiep_nhan \u2192 tham_dinh \u2192 ky \u2192 tra_ket_qua takes 128 working hours, ' +
      'more than the legal limit of 15 working days (120 working hours)',
  },
  {
    name: 'parallel block: the longest branch is the critical path',
    rows: [['a', null, 1, '&b,c'], ['b', null, 2, 'd'], ['c', null, 10.5, 'd'], ['d', null, 0.5, '']],
    ok: true,
    longestHalves: 24,
  },
  {
    name: 'parallel with one next',
    rows: [['a', null, 1, '&b'], ['b', null, 1, '']],
    ok: false,
    field: 'P.steps[0].split',
    msg: 'a is parallel but names fewer than two next steps',
  },
  {
    name: 'parallel branch ends without a join',
    rows: [['a', null, 1, '&b,c'], ['b', null, 1, ''], ['c', null, 1, '']],
    ok: false,
    field: 'P.steps[1].next',
    msg: 'b is inside a parallel branch of a and must name exactly one next step',
  },
  {
    name: 'parallel branches end at different joins',
    rows: [
      ['s', null, 1, 'a,z'],
      ['a', null, 1, '&b,c'],
      ['b', null, 1, 'd'],
      ['c', null, 1, 'e'],
      ['z', null, 1, 'd,e'],
      ['d', null, 1, ''],
      ['e', null, 1, ''],
    ],
    ok: false,
    field: 'P.steps[1].split',
    msg: 'a: its branches end at different steps (d and e)',
  },
  {
    name: 'choose, then run in parallel: the join is also the other option',
    rows: [
      ['s', null, 1, 'a,z'],
      ['a', null, 1, '&b,c'],
      ['b', null, 1, 'd'],
      ['c', null, 2.5, 'd'],
      ['z', null, 1, 'd'],
      ['d', null, 1, ''],
    ],
    ok: true,
    longestHalves: 11,
  },
  {
    name: 'choose, then run in parallel: the option opens a block with its own join',
    rows: [
      ['s', null, 1, 'd,a'],
      ['a', null, 0.5, '&b,c'],
      ['b', null, 1, 'j'],
      ['c', null, 1, 'j'],
      ['j', null, 1, 'd'],
      ['d', null, 1, ''],
    ],
    ok: true,
    longestHalves: 9,
  },
  {
    name: 'a step outside the block leads into a branch',
    rows: [
      ['s', null, 1, 'a,z'],
      ['a', null, 1, '&b,c'],
      ['b', null, 1, 'b2'],
      ['b2', null, 1, 'd'],
      ['c', null, 1, 'd'],
      ['z', null, 1, 'b2'],
      ['d', null, 1, ''],
    ],
    ok: false,
    field: 'P.steps[1].split',
    msg: 'a: its branches end at different steps (b2 and d)',
  },
  {
    name: 'nested parallel split',
    rows: [
      ['a', null, 1, '&b,c'],
      ['b', null, 1, '&e,f'],
      ['c', null, 1, 'h'],
      ['e', null, 1, 'g'],
      ['f', null, 1, 'g'],
      ['g', null, 1, 'h'],
      ['h', null, 1, ''],
    ],
    ok: false,
    field: 'P.steps[1].split',
    msg: 'b is a parallel split inside a branch of a',
  },
  {
    name: 'empty parallel branch',
    rows: [['a', null, 1, '&b,d'], ['b', null, 1, 'd'], ['d', null, 1, '']],
    ok: false,
    field: 'P.steps[0].next[1]',
    msg: 'd: a branch of the parallel split a must hold at least one step before the join',
  },
  // Parallel options: an exclusive choice whose option opens a block by itself.
  {
    name: 'parallel option: the block is on the critical path, the join is the other option',
    rows: [['s', null, 1, 'd,b,c', 'b,c'], ['b', null, 2, 'd'], ['c', null, 3.5, 'd'], ['d', null, 1, '']],
    ok: true,
    longestHalves: 11,
  },
  {
    name: 'parallel option with its own join and a longer plain option',
    rows: [
      ['s', null, 1, 't,b,c', 'b,c'],
      ['t', null, 8, 'd'],
      ['b', null, 1, 'j'],
      ['c', null, 1, 'j'],
      ['j', null, 1, 'd'],
      ['d', null, 1, ''],
    ],
    ok: true,
    longestHalves: 20,
  },
  {
    name: 'parallel option naming a step not in next',
    rows: [['s', null, 1, 'd,b,c', 'b,x'], ['b', null, 1, 'd'], ['c', null, 1, 'd'], ['d', null, 1, '']],
    ok: false,
    field: 'P.steps[0].parallel_options[0][1]',
    msg: 'x: not in next',
  },
  {
    name: 'parallel option of one step',
    rows: [['s', null, 1, 'd,b', 'b'], ['b', null, 1, 'd'], ['d', null, 1, '']],
    ok: false,
    field: 'P.steps[0].parallel_options[0]',
    msg: 'must name 2 to 8 steps',
  },
  {
    name: 'parallel option not in the order of next',
    rows: [['s', null, 1, 'b,d,c', 'b,c'], ['b', null, 1, 'd'], ['c', null, 1, 'd'], ['d', null, 1, '']],
    ok: false,
    field: 'P.steps[0].parallel_options[0][1]',
    msg: 'c: the steps of a parallel option follow one another in next',
  },
  {
    name: 'parallel options on a parallel step',
    rows: [['s', null, 1, '&b,c', 'b,c'], ['b', null, 1, 'd'], ['c', null, 1, 'd'], ['d', null, 1, '']],
    ok: false,
    field: 'P.steps[0].parallel_options',
    msg: 'belong to an exclusive choice',
  },
  {
    name: 'parallel option whose branches end at different steps',
    rows: [
      ['s', null, 1, 'z,b,c', 'b,c'],
      ['b', null, 1, 'd'],
      ['c', null, 1, 'e'],
      ['z', null, 1, 'd,e'],
      ['d', null, 1, ''],
      ['e', null, 1, ''],
    ],
    ok: false,
    field: 'P.steps[0].parallel_options',
    msg: 's: its branches end at different steps (d and e); every branch of a parallel option meets',
  },
  {
    name: 'parallel option with an empty branch',
    rows: [['s', null, 1, 'z,b,d', 'b,d'], ['b', null, 1, 'd'], ['z', null, 1, 'd'], ['d', null, 1, '']],
    ok: false,
    field: 'P.steps[0].parallel_options[0][1]',
    msg: 'd: a branch of the parallel option of s must hold at least one step before the join',
  },
  {
    name: "parallel split inside a parallel option's branch",
    rows: [
      ['s', null, 1, 'h,b,c', 'b,c'],
      ['b', null, 1, '&e,f'],
      ['c', null, 1, 'h'],
      ['e', null, 1, 'g'],
      ['f', null, 1, 'g'],
      ['g', null, 1, 'h'],
      ['h', null, 1, ''],
    ],
    ok: false,
    field: 'P.steps[1].split',
    msg: 'b is a parallel split inside a branch of s',
  },
];

describe('checkProcess: the cases of test_process.c graph_rules', () => {
  for (const c of graphCases) {
    it(c.name, () => {
      const result = checkProcess(build(c.rows), days15, 'P');
      if (c.ok) {
        expect(result.issue).toBeNull();
        expect(result.totals?.halfHours).toBe(c.longestHalves);
        expect(result.totals?.path.length).toBeGreaterThanOrEqual(1);
      } else {
        expect(result.issue?.field).toBe(c.field);
        expect(issueMessage(result.issue!, en)).toContain(c.msg);
      }
    });
  }
});

describe('checkProcess: the longest path', () => {
  const rows: Row[] = [
    ['tiep_nhan', 'reception', 4, 'tham_dinh'],
    ['tham_dinh', null, 100, 'ky'],
    ['ky', 'director', 16, 'tra_ket_qua'],
    ['tra_ket_qua', 'reception', 8, ''],
  ];

  it('words the message exactly as the server, and still gives the path and totals', () => {
    const result = checkProcess(build(rows), days15, '$.cases[0].process');
    expect(result.issue?.field).toBe('$.cases[0].process');
    expect(issueMessage(result.issue!, en)).toBe(
      'the longest path tiep_nhan → tham_dinh → ky → tra_ket_qua takes 128 working hours, more than the legal limit of 15 working days (120 working hours)',
    );
    expect(result.totals).toEqual({ halfHours: 256, hours: 128, path: [0, 1, 2, 3], limitHours: 120 });
  });

  it('names the body field "steps" without a prefix, and halves in both totals with a limit in hours', () => {
    const steps = build(rows);
    steps[1]!.hours = 100.5;
    const result = checkProcess(steps, { amount: 100, unit: 'working_hours' });
    expect(result.issue?.field).toBe('steps');
    expect(issueMessage(result.issue!, en)).toContain(
      'takes 128.5 working hours, more than the legal limit of 100 working hours',
    );
  });

  it('elides the middle of a long path to fit, as the server does', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `buoc_xu_ly_so_${String(i).padStart(2, '0')}`);
    const steps = build(keys.map((k, i): Row => [k, null, 8, keys[i + 1] ?? '']));
    const text = issueMessage(checkProcess(steps, days15).issue!, en);
    expect(new TextEncoder().encode(text).length).toBeLessThan(199);
    expect(text).toContain('the longest path buoc_xu_ly_so_00 → … → ');
    expect(text).toContain(
      '→ buoc_xu_ly_so_39 takes 320 working hours, more than the legal limit of 15 working days (120 working hours)',
    );
  });

  it('refuses more than 64 steps on "steps"', () => {
    const steps = build(Array.from({ length: 70 }, (): Row => ['k', null, 1, '']));
    expect(checkProcess(steps, days15).issue?.field).toBe('steps');
    expect(checkProcess(steps, days15).issue?.code).toBe('tooManySteps');
  });
});

describe('checkProcess: what the request body decoding refuses first', () => {
  it('an empty name, before any graph rule', () => {
    const steps = build([['a', null, 1, 'zz'], ['b', null, 1, '']]);
    steps[1]!.name = '';
    expect(checkProcess(steps, days15).issue).toMatchObject({ field: 'steps[1].name', code: 'empty' });
  });

  it('an empty hours input is not a number of hours', () => {
    const steps = build([['a', null, 1, '']]);
    steps[0]!.hours = null;
    expect(checkProcess(steps, days15).issue).toMatchObject({ field: 'steps[0].hours', code: 'badHours' });
  });
});

describe('checkProcess: a signing step inside a parallel branch', () => {
  it('is refused on its requires_signature, as the server does', () => {
    const steps = build([['a', null, 1, '&b,c'], ['b', null, 1, 'd'], ['c', null, 1, 'd'], ['d', null, 1, '']]);
    steps[2]!.requires_signature = true;
    const result = checkProcess(steps, days15);
    expect(result.issue?.field).toBe('steps[2].requires_signature');
    expect(issueMessage(result.issue!, en)).toBe(
      'c is inside a parallel branch of a: approving or refusing decides the whole dossier, so a branch step cannot require a signature',
    );
    expect(issueSentence(result.issue!, steps, vi)).toContain('Bước 3 (c)');
  });
});

describe('issueSentence', () => {
  it('names the step and field in Vietnamese, with a decimal comma', () => {
    const steps = build([['a', null, 100.5, 'b'], ['b', null, 20, '']]);
    const result = checkProcess(steps, days15);
    expect(issueSentence(result.issue!, steps, vi)).toBe(
      'Quy trình: đường xử lý dài nhất a → b mất 120,5 giờ làm việc, vượt thời hạn theo quy định 15 ngày làm việc (120 giờ làm việc).',
    );
    const bad = build([['a', null, 1, 'zz']]);
    expect(issueSentence(checkProcess(bad, days15).issue!, bad, vi)).toBe(
      'Bước 1 (a), bước tiếp theo thứ 1: zz: không có bước nào mang mã này.',
    );
    expect(issueSentence(checkProcess(bad, days15).issue!, bad, en)).toBe('Step 1 (a), next step no. 1: zz: no step has this key.');
  });
});

describe('the whole path in the interface', () => {
  it('is not elided in the sentence, though the server-worded message is', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `buoc_xu_ly_so_${String(i).padStart(2, '0')}`);
    const steps = build(keys.map((k, i): Row => [k, null, 8, keys[i + 1] ?? '']));
    const issue = checkProcess(steps, days15).issue!;
    expect(issueMessage(issue, en)).toContain('…');
    expect(issueSentence(issue, steps, en)).toContain(keys.join(' → '));
  });
});
