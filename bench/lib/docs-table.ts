// `tsx bench/run.ts --update-docs`: puts the run's table and machine into docs/benchmarks.md,
// between the markers below, so the document always shows one real run, never a hand copy.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';
import type { BenchReport } from './results';

const DOC = path.join(ROOT, 'docs/benchmarks.md');
const START = '<!-- bench:start (written by `npm run bench -- --update-docs`) -->';
const END = '<!-- bench:end -->';

export function updateDocs(report: BenchReport, table: string): void {
  const text = readFileSync(DOC, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${DOC} has no ${START} ... ${END} block`);
  const { meta } = report;
  const block = [
    START,
    '',
    `运行于 / Run on ${meta.date}: ${meta.nproc} × ${meta.cpu}, ${meta.memoryGb} GB, Node ${meta.node}, ` +
      `${meta.durationSec} s.`,
    '',
    table,
    '',
    END,
  ].join('\n');
  writeFileSync(DOC, text.slice(0, from) + block + text.slice(to + END.length));
}
