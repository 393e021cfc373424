// The dashboard's logic without UI: rows of GET /api/stats as a chart model,
// the ECharts option and the spoken summary of it, the drill-down query of a
// bar segment, periods of months, and the CSV of a list.
import type { DossierListItem, DossierListQuery, StatsBy, StatsRow } from '@/api/dashboard';

export type Outcome = 'early' | 'on_time' | 'late' | 'in_progress';
export const OUTCOMES: Outcome[] = ['early', 'on_time', 'late', 'in_progress'];

/**
 * Colours with at least 4.5:1 contrast against white (text in the tooltip and
 * legend uses them too); each series also gets its own decal pattern, so the
 * outcome never rests on colour alone.
 */
export const OUTCOME_COLOURS: Record<Outcome, string> = {
  early: '#166534',
  on_time: '#1d4ed8',
  late: '#b91c1c',
  in_progress: '#4b5563',
};

/** The key of a row: unit code, username, procedure code or "YYYY-MM". */
export function keyOf(row: StatsRow, by: StatsBy): string {
  return String(row[by] ?? '');
}

/** The count of one outcome in a row; in progress = received in the period and still open. */
export function countOf(row: StatsRow, outcome: Outcome): number {
  return outcome === 'in_progress' ? row.open ?? 0 : row[outcome] ?? 0;
}

/** "2026-11" → "11/2026". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

export interface ChartModel {
  by: StatsBy;
  keys: string[];
  labels: string[];
  /** values[outcome][i] for keys[i]. */
  values: Record<Outcome, number[]>;
  /** (early + on time) / finished, null when nothing finished. */
  rates: (number | null)[];
}

/**
 * Rows as a chart: months in time order; units, officers and procedures with
 * the most dossiers first, at most `limit` of them (the rest are in the table).
 * `label` names a row (its name, or the key).
 */
export function chartModel(rows: StatsRow[], by: StatsBy, label: (row: StatsRow) => string, limit = 15, months: string[] = []): ChartModel {
  const total = (r: StatsRow): number => OUTCOMES.reduce((s, o) => s + countOf(r, o), 0);
  let kept = rows.filter((r) => total(r) > 0);
  if (by === 'month') {
    // Every month of the period has its column, an empty one too: a trend reads on a regular axis.
    const have = new Set(kept.map((r) => keyOf(r, by)));
    const empty = months.filter((m) => !have.has(m)).map((month): StatsRow => ({ month, received: 0, early: 0, on_time: 0, late: 0, open: 0, on_time_rate: null }));
    kept = [...kept, ...empty].sort((a, b) => keyOf(a, by).localeCompare(keyOf(b, by)));
  } else kept = [...kept].sort((a, b) => total(b) - total(a) || keyOf(a, by).localeCompare(keyOf(b, by))).slice(0, limit);
  const values = Object.fromEntries(OUTCOMES.map((o) => [o, kept.map((r) => countOf(r, o))])) as Record<Outcome, number[]>;
  return {
    by,
    keys: kept.map((r) => keyOf(r, by)),
    labels: kept.map(label),
    values,
    rates: kept.map((r) => {
      const finished = r.early + r.on_time + r.late;
      return finished ? (r.early + r.on_time) / finished : null;
    }),
  };
}

export interface ChartTexts {
  outcomes: Record<Outcome, string>;
  /** "Đúng hạn: {rate}" for the tooltip. */
  rate: (rate: number | null) => string;
}

/**
 * The ECharts option of a stacked bar chart: months stand as columns, the
 * other keys lie as rows (their names are long). `narrow`: a phone's width. Decals and the aria
 * component make the series readable without colour.
 */
export function chartOption(model: ChartModel, texts: ChartTexts, narrow = false): Record<string, unknown> {
  const horizontal = model.by !== 'month';
  // On a phone the legend takes two lines and the names less room.
  const category = { type: 'category', data: model.labels, axisLabel: { color: '#1f2937', width: narrow ? 100 : 180, overflow: 'truncate' } };
  const value = { type: 'value', minInterval: 1, axisLabel: { color: '#1f2937' } };
  return {
    // Decals on; ECharts' own description off: the chart's label is chartSummary().
    aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
    animation: false,
    color: OUTCOMES.map((o) => OUTCOME_COLOURS[o]),
    legend: { top: 0, textStyle: { color: '#1f2937' }, data: OUTCOMES.map((o) => texts.outcomes[o]) },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number; seriesName: string; value: number }[]) => {
        const i = params[0]?.dataIndex;
        if (i === undefined) return '';
        const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
        const lines = params.map((p) => `${esc(p.seriesName)}: ${p.value}`);
        return [`<strong>${esc(model.labels[i] ?? '')}</strong>`, ...lines, esc(texts.rate(model.rates[i] ?? null))].join('<br/>');
      },
    },
    grid: { left: 8, right: 16, top: narrow ? 60 : 36, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: OUTCOMES.map((o) => ({
      name: texts.outcomes[o],
      type: 'bar',
      stack: 'all',
      barMaxWidth: 36,
      emphasis: { focus: 'series' },
      data: model.values[o],
    })),
  };
}

/** One sentence per bar, for the chart's aria-label: "Phòng A: 3 sớm hạn, 1 đúng hạn, …; đúng hạn 80 %". */
export function chartSummary(model: ChartModel, texts: ChartTexts): string {
  return model.keys
    .map((_, i) => {
      const parts = OUTCOMES.map((o) => `${model.values[o][i]} ${texts.outcomes[o].toLowerCase()}`).join(', ');
      return `${model.labels[i] ?? ''}: ${parts}; ${texts.rate(model.rates[i] ?? null)}`;
    })
    .join('. ');
}

/** The months from `from` to `to`, both included ("2026-11"); at most 120. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y = 0, m = 0] = from.split('-').map(Number);
  while (out.length < 120) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** "YYYY-MM-01" and the month's last day. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The dates of a period of months, both included. */
export function periodOf(fromMonth: string, toMonth: string): { from: string; to: string } {
  return { from: monthBounds(fromMonth).from, to: monthBounds(toMonth).to };
}

/**
 * The dossiers behind one bar segment: the outcome, the period (a month's bar
 * narrows it to that month), and the bar's key; a unit filter of the page stays.
 * The officer "applicant" (online steps) is nobody to filter on.
 */
export function drillQuery(by: StatsBy, key: string, outcome: Outcome, period: { from: string; to: string }, unit?: string): DossierListQuery {
  const q: DossierListQuery = { outcome, from: period.from, to: period.to };
  if (unit) q.unit = unit;
  if (by === 'unit') q.unit = key;
  else if (by === 'procedure') q.procedure = key;
  else if (by === 'officer' && key !== 'applicant') q.officer = key;
  else if (by === 'month') {
    const m = monthBounds(key);
    q.from = m.from > period.from ? m.from : period.from;
    q.to = m.to < period.to ? m.to : period.to;
  }
  return q;
}

/** A list query as route query strings (empty values left out), and back. */
export function queryToRoute(q: DossierListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  return out;
}

const LIST_OUTCOMES = ['early', 'on_time', 'late', 'in_progress', 'overdue'];

export function routeToQuery(route: Record<string, unknown>): DossierListQuery {
  const s = (k: string): string | undefined => (typeof route[k] === 'string' && route[k] ? (route[k] as string) : undefined);
  const q: DossierListQuery = {};
  const outcome = s('outcome');
  if (outcome && LIST_OUTCOMES.includes(outcome)) q.outcome = outcome as DossierListQuery['outcome'];
  for (const k of ['from', 'to', 'unit', 'procedure', 'officer'] as const) {
    const v = s(k);
    if (v) q[k] = v;
  }
  return q;
}

/** The department's figures: the sum of the rows. */
export function departmentTotals(rows: StatsRow[]): { finished: number; early: number; on_time: number; late: number; open: number; rate: number | null } {
  const t = { finished: 0, early: 0, on_time: 0, late: 0, open: 0, rate: null as number | null };
  for (const r of rows) {
    t.early += r.early;
    t.on_time += r.on_time;
    t.late += r.late;
    t.open += r.open ?? 0;
  }
  t.finished = t.early + t.on_time + t.late;
  t.rate = t.finished ? (t.early + t.on_time) / t.finished : null;
  return t;
}

/** Working minutes as working days with one decimal: 720 → 1.5. */
export function workingDays(minutes: number | null | undefined): number {
  return Math.round(((minutes ?? 0) / 480) * 10) / 10;
}

/**
 * CSV for a spreadsheet: a byte-order mark (Excel then reads UTF-8), every
 * field quoted with quotes doubled, CRLF line ends; a leading = + - @ is
 * prefixed with ' so that no cell runs as a formula.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined): string => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** One line of the control team's late list. */
export interface LateRow {
  kind: 'overdue' | 'late';
  item: DossierListItem;
  /** How late, in working minutes (the dossier clock's overdue time). */
  minutes: number;
}

/** Dossiers overdue now and those finished late, the latest first; each dossier once. */
export function lateRows(overdue: DossierListItem[], late: DossierListItem[]): LateRow[] {
  const seen = new Set<string>();
  const out: LateRow[] = [];
  for (const [kind, items] of [['overdue', overdue], ['late', late]] as const) {
    for (const item of items) {
      if (seen.has(item.ref)) continue;
      seen.add(item.ref);
      out.push({ kind, item, minutes: item.clock?.overdue_minutes ?? 0 });
    }
  }
  return out.sort((a, b) => b.minutes - a.minutes || (a.item.code ?? a.item.ref).localeCompare(b.item.code ?? b.item.ref));
}
