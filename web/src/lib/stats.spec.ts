import { describe, expect, it } from 'vitest';
import type { DossierListItem, StatsRow } from '@/api/dashboard';
import {
  OUTCOMES,
  OUTCOME_COLOURS,
  chartModel,
  chartOption,
  chartSummary,
  departmentTotals,
  drillQuery,
  lateRows,
  monthBounds,
  monthsBetween,
  periodOf,
  queryToRoute,
  routeToQuery,
  toCsv,
  workingDays,
  type ChartTexts,
} from './stats';

const row = (key: Partial<StatsRow>, early: number, onTime: number, late: number, open: number): StatsRow => ({
  received: early + onTime + late + open,
  early,
  on_time: onTime,
  late,
  open,
  on_time_rate: early + onTime + late ? (early + onTime) / (early + onTime + late) : null,
  ...key,
});

const texts: ChartTexts = {
  outcomes: { early: 'Sớm hạn', on_time: 'Đúng hạn', late: 'Trễ hạn', in_progress: 'Đang giải quyết' },
  rate: (r) => `Đúng hạn: ${r === null ? '—' : Math.round(r * 100)} %`,
};

describe('chartModel', () => {
  it('puts months in time order and keeps every outcome, in progress from the open count', () => {
    const rows = [row({ month: '2026-11' }, 1, 2, 1, 3), row({ month: '2026-09' }, 0, 1, 0, 0)];
    const m = chartModel(rows, 'month', (r) => r.month ?? '');
    expect(m.keys).toEqual(['2026-09', '2026-11']);
    expect(m.values.early).toEqual([0, 1]);
    expect(m.values.on_time).toEqual([1, 2]);
    expect(m.values.late).toEqual([0, 1]);
    expect(m.values.in_progress).toEqual([0, 3]);
    expect(m.rates).toEqual([1, 0.75]);
  });

  it('gives every month of the period a column, empty ones too', () => {
    const m = chartModel([row({ month: '2026-11' }, 1, 0, 0, 0)], 'month', (r) => r.month ?? '', 15, monthsBetween('2026-09', '2026-11'));
    expect(m.keys).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(m.values.early).toEqual([0, 0, 1]);
    expect(m.rates).toEqual([null, null, 1]);
  });

  it('ranks units by their dossiers, drops empty rows and keeps at most `limit`', () => {
    const rows = [row({ unit: 'A', name: 'Phòng A' }, 1, 0, 0, 0), row({ unit: 'B', name: 'Phòng B' }, 2, 2, 1, 0), row({ unit: 'C' }, 0, 0, 0, 0), row({ unit: 'D' }, 0, 1, 1, 0)];
    const m = chartModel(rows, 'unit', (r) => r.name ?? r.unit ?? '', 2);
    expect(m.keys).toEqual(['B', 'D']);
    expect(m.labels).toEqual(['Phòng B', 'D']);
    expect(m.rates[1]).toBe(0.5);
  });

  it('gives no rate when nothing finished', () => {
    const m = chartModel([row({ procedure: 'X' }, 0, 0, 0, 4)], 'procedure', (r) => r.procedure ?? '');
    expect(m.rates).toEqual([null]);
  });
});

describe('chartOption', () => {
  const month = chartModel([row({ month: '2026-10' }, 1, 1, 1, 1)], 'month', () => '10/2026');
  const unit = chartModel([row({ unit: 'A' }, 1, 1, 1, 1)], 'unit', () => 'Phòng A');

  it('stacks the four outcomes in their order, colours and names', () => {
    const o = chartOption(month, texts) as { series: { name: string; stack: string; data: number[] }[]; color: string[] };
    expect(o.series.map((s) => s.name)).toEqual(['Sớm hạn', 'Đúng hạn', 'Trễ hạn', 'Đang giải quyết']);
    expect(new Set(o.series.map((s) => s.stack)).size).toBe(1);
    expect(o.color).toEqual(OUTCOMES.map((x) => OUTCOME_COLOURS[x]));
  });

  it('does not rest on colour alone: decal patterns and the aria component are on', () => {
    const o = chartOption(month, texts) as { aria: { enabled: boolean; label: { enabled: boolean }; decal: { show: boolean } } };
    expect(o.aria.enabled).toBe(true);
    expect(o.aria.decal.show).toBe(true);
    expect(o.aria.label.enabled).toBe(false);
  });

  it('draws months as columns and units as rows', () => {
    const m = chartOption(month, texts) as { xAxis: { type: string }; yAxis: { type: string } };
    const u = chartOption(unit, texts) as { xAxis: { type: string }; yAxis: { type: string; data: string[] } };
    expect(m.xAxis.type).toBe('category');
    expect(u.yAxis.type).toBe('category');
    expect(u.yAxis.data).toEqual(['Phòng A']);
  });

  it('leaves the legend room on a phone', () => {
    const wide = chartOption(unit, texts) as { grid: { top: number } };
    const narrow = chartOption(unit, texts, true) as { grid: { top: number } };
    expect(narrow.grid.top).toBeGreaterThan(wide.grid.top);
  });

  it('escapes names in the tooltip and adds the rate', () => {
    const m = chartModel([row({ unit: 'A' }, 1, 0, 1, 0)], 'unit', () => '<b>A</b>');
    const o = chartOption(m, texts) as { tooltip: { formatter: (p: { dataIndex: number; seriesName: string; value: number }[]) => string } };
    const html = o.tooltip.formatter([{ dataIndex: 0, seriesName: 'Sớm hạn', value: 1 }]);
    expect(html).not.toContain('<b>A</b>');
    expect(html).toContain('Sớm hạn: 1');
    expect(html).toContain('Đúng hạn: 50 %');
  });
});

describe('chartSummary', () => {
  it('says every bar in words, for the chart label', () => {
    const m = chartModel([row({ unit: 'A' }, 1, 2, 0, 1)], 'unit', () => 'Phòng A');
    expect(chartSummary(m, texts)).toBe('Phòng A: 1 sớm hạn, 2 đúng hạn, 0 trễ hạn, 1 đang giải quyết; Đúng hạn: 100 %');
  });
});

describe('periods', () => {
  it('knows the last day of each month, leap years included', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthBounds('2028-02').to).toBe('2028-02-29');
    expect(periodOf('2026-06', '2026-11')).toEqual({ from: '2026-06-01', to: '2026-11-30' });
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-10')).toEqual([]);
  });
});

describe('drillQuery', () => {
  const period = { from: '2026-06-01', to: '2026-11-30' };

  it('maps a unit, procedure or officer bar to its filter with the period', () => {
    expect(drillQuery('unit', 'TCBC', 'late', period)).toEqual({ outcome: 'late', from: '2026-06-01', to: '2026-11-30', unit: 'TCBC' });
    expect(drillQuery('procedure', '1.003950', 'early', period, 'TCBC')).toEqual({ outcome: 'early', from: '2026-06-01', to: '2026-11-30', unit: 'TCBC', procedure: '1.003950' });
    expect(drillQuery('officer', 'motcua1', 'in_progress', period)).toEqual({ outcome: 'in_progress', from: '2026-06-01', to: '2026-11-30', officer: 'motcua1' });
  });

  it('narrows a month bar to that month, within the period', () => {
    expect(drillQuery('month', '2026-09', 'on_time', period)).toMatchObject({ from: '2026-09-01', to: '2026-09-30' });
    expect(drillQuery('month', '2026-11', 'on_time', { from: '2026-06-01', to: '2026-11-15' })).toMatchObject({ from: '2026-11-01', to: '2026-11-15' });
  });

  it('does not filter on the applicant as an officer', () => {
    expect(drillQuery('officer', 'applicant', 'early', period).officer).toBeUndefined();
  });

  it('goes through the address and back unchanged; unknown outcomes are dropped', () => {
    const q = drillQuery('procedure', '1.003950', 'late', period, 'TCBC');
    expect(routeToQuery(queryToRoute(q))).toEqual(q);
    expect(routeToQuery({ outcome: 'soon', unit: 'TCBC', page: '2' })).toEqual({ unit: 'TCBC' });
  });
});

describe('departmentTotals', () => {
  it('sums the units and computes the rate from the sums', () => {
    const t = departmentTotals([row({ unit: 'A' }, 1, 1, 0, 2), row({ unit: 'B' }, 0, 0, 2, 1)]);
    expect(t).toEqual({ finished: 4, early: 1, on_time: 1, late: 2, open: 3, rate: 0.5 });
    expect(departmentTotals([]).rate).toBeNull();
  });
});

describe('the late list', () => {
  const item = (ref: string, overdue: number): DossierListItem =>
    ({ ref, code: `C-${ref}`, clock: { state: 'running', budget: 1, remaining_minutes: 0, overdue_minutes: overdue, class: 'late' } }) as unknown as DossierListItem;

  it('merges overdue and finished-late dossiers, the latest first, each once', () => {
    const rows = lateRows([item('a', 60), item('b', 960)], [item('c', 480), item('a', 60)]);
    expect(rows.map((r) => [r.item.ref, r.kind])).toEqual([
      ['b', 'overdue'],
      ['c', 'late'],
      ['a', 'overdue'],
    ]);
  });

  it('says how late in working days with one decimal', () => {
    expect(workingDays(720)).toBe(1.5);
    expect(workingDays(60)).toBe(0.1);
    expect(workingDays(undefined)).toBe(0);
  });
});

describe('toCsv', () => {
  it('quotes every field, doubles quotes, ends lines with CRLF and starts with a BOM', () => {
    const csv = toCsv(['Mã', 'Ghi chú'], [['A-1', 'nói "chậm"'], ['B-2', null]]);
    expect(csv).toBe('\ufeff"Mã","Ghi chú"\r\n"A-1","nói ""chậm"""\r\n"B-2",""\r\n');
  });

  it('keeps a cell from running as a spreadsheet formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("x")']])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
