// Renders a bench report as rows (figure, value, target, verdict), both as a console table and
// as Markdown for docs/benchmarks.md.
import type { BenchReport, TargetCheck } from './results';

export interface Row {
  figure: string;
  value: string;
  target: string;
  verdict: string;
}

function verdict(check: TargetCheck | undefined): string {
  if (!check) return '';
  if (check.met === null) return 'not measured';
  return check.met ? 'met' : 'MISSED';
}

function flatten(prefix: string, value: unknown, out: Array<[string, string]>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(`${prefix}.${key}`, inner, out);
  } else {
    out.push([prefix, value === null || value === undefined ? '-' : String(value)]);
  }
}

const SECTIONS = [
  'coldStart',
  'bundleBytes',
  'roundTrips',
  'roundTripsHandWritten',
  'singleFlight',
  'singleFlightHandWritten',
  'dbOps',
  'emulator',
  'processHop',
  'boundedWork',
  'dbScaling',
  'bigProject',
] as const;

export function reportRows(report: BenchReport): Row[] {
  const byName = new Map(report.targets.map((t) => [t.name, t]));
  const rows: Row[] = [];
  for (const section of SECTIONS) {
    const figures: Array<[string, string]> = [];
    flatten(section, report[section], figures);
    for (const [figure, value] of figures) {
      const target = byName.get(figure);
      rows.push({ figure, value, target: target?.target ?? '', verdict: verdict(target) });
      byName.delete(figure);
    }
  }
  // Derived checks (e.g. the dbScaling 100k/1k ratios) that are not figures of their own.
  for (const check of byName.values()) {
    rows.push({
      figure: check.name,
      value: check.value,
      target: check.target,
      verdict: verdict(check),
    });
  }
  return rows;
}

export function consoleTable(rows: Row[]): string {
  const headers: Row = { figure: 'figure', value: 'value', target: 'target', verdict: '' };
  const all = [headers, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    `${r.figure.padEnd(width('figure'))}  ${r.value.padStart(width('value'))}  ` +
    `${r.target.padEnd(width('target'))}  ${r.verdict}`;
  return all.map(line).join('\n');
}

export function markdownTable(rows: Row[]): string {
  const lines = ['| 指标 figure | 数值 value | 目标 target | 结果 verdict |', '|---|---:|---|---|'];
  for (const r of rows) lines.push(`| ${r.figure} | ${r.value} | ${r.target} | ${r.verdict} |`);
  return lines.join('\n');
}
