// `npm run bench`: measures everything issue 6 asks for, prints a table and writes
// bench/results/latest.json. Each section is measured on its own; one that cannot run (a part
// not built yet, an error) is recorded under `errors` and the others still run.
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measureBundleBytes } from './bundle-size';
import { measureColdStart } from './cold-start';
import { measureBoundedWork } from './healthz-under-attack';
import { measureDbOps } from './db-ops';
import { measureDbScaling } from './db-scaling';
import { measureEmulatorSpeed } from './emulator-speed';
import { measureProcessHop } from './process-hop';
import { updateDocs } from './lib/docs-table';
import { startBenchEmulator, type BenchEmulator } from './lib/emulator';
import { builtFunctionDirs, RESULTS_FILE } from './lib/paths';
import type { BenchReport } from './lib/results';
import { consoleTable, markdownTable, reportRows } from './lib/table';
import { judgeTargets } from './lib/targets';
import { measureHandWritten, measureHandWrittenSingleFlight } from './hand-written-flow';
import { measureRoundTrips, measureSingleFlight } from './round-trips';
import { measureBigProject } from './big-project';

const report: BenchReport = {
  coldStart: null,
  bundleBytes: null,
  roundTrips: null,
  roundTripsHandWritten: null,
  singleFlightHandWritten: null,
  singleFlight: null,
  dbOps: null,
  emulator: null,
  processHop: null,
  dbScaling: null,
  boundedWork: null,
  bigProject: null,
  meta: {
    date: new Date().toISOString(),
    node: process.version,
    nproc: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model ?? 'unknown',
    durationSec: 0,
  },
  targets: [],
  errors: {},
  details: {},
};

/** Runs one section, logging its time; a failure is recorded and the bench goes on. */
async function section(name: string, fn: () => Promise<void>): Promise<void> {
  const started = Date.now();
  process.stdout.write(`bench: ${name} ... `);
  try {
    await fn();
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.errors[name] = message.split('\n')[0] ?? message;
    console.log(`FAILED: ${report.errors[name]}`);
  }
}

async function emulatorSections(emu: BenchEmulator): Promise<void> {
  await section('roundTrips', async () => {
    report.roundTrips = await measureRoundTrips(await emu.roundTripDeps());
  });
  await section('roundTripsHandWritten', async () => {
    const { cloudFor, revokeAll } = await emu.roundTripDeps();
    report.roundTripsHandWritten = await measureHandWritten(cloudFor, revokeAll);
    report.singleFlightHandWritten = await measureHandWrittenSingleFlight(cloudFor, revokeAll);
  });
  await section('singleFlight', async () => {
    const { concurrentCalls, loginCalls, succeeded, totalCalls } = await measureSingleFlight(
      await emu.roundTripDeps(),
    );
    report.singleFlight = { concurrentCalls, loginCalls, succeeded };
    // At least 2N + 1: each call fails once, one login, each retries once. More means the
    // manager retried transient failures (instances starting under load), which is allowed.
    report.details.singleFlight = {
      totalCallFunctionCalls: totalCalls,
      minimum: 2 * concurrentCalls + 1,
    };
  });
  await section('dbOps', async () => {
    const ops = await measureDbOps(emu.dbOpsDeps());
    report.dbOps = Object.fromEntries(
      Object.entries(ops).map(([fn, { reads, writes, total }]) => [fn, { reads, writes, total }]),
    );
    report.details.dbOps = ops;
  });
  await section('emulator', async () => {
    const { samples, users, throughputConcurrency, ...figures } = await measureEmulatorSpeed(emu);
    report.emulator = figures;
    report.details.emulator = { samples, users, throughputConcurrency };
  });
  await section('processHop', async () => {
    const { samples, ...figures } = await measureProcessHop();
    report.processHop = figures;
    report.details.processHop = { samples };
  });
  await section('boundedWork', async () => {
    report.boundedWork = await measureBoundedWork();
  });
  await section('dbScaling', async () => {
    const { seedMs, samples, ...figures } = await measureDbScaling(emu.dbScalingDeps());
    report.dbScaling = figures;
    report.details.dbScaling = { seedMs, samples };
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const functions = builtFunctionDirs();
  if (Object.keys(functions).length === 0) {
    console.log('bench: no built functions in cloudfunctions/ (run `npm run build` first)');
  }

  await section('bundleBytes', async () => {
    report.bundleBytes = measureBundleBytes(functions);
  });
  await section('coldStart', async () => {
    if (Object.keys(functions).length === 0) throw new Error('no built functions');
    const { runs, processMs, ...figures } = await measureColdStart(functions);
    report.coldStart = figures;
    report.details.coldStart = {
      runs,
      definition: 'median require() time in a fresh process',
      processMs,
    };
  });

  await section('bigProject', async () => {
    const { runs, ...figures } = await measureBigProject();
    report.bigProject = figures;
    report.details.bigProject = {
      runs,
      definition: 'generated DevTools project; medians of fresh emulator starts',
    };
  });

  let emu: BenchEmulator | undefined;
  await section('start emulator', async () => {
    emu = await startBenchEmulator();
  });
  if (emu) {
    try {
      await emulatorSections(emu);
    } finally {
      await emu.stop();
    }
  }

  report.meta.durationSec = Math.round((Date.now() - started) / 1000);
  report.targets = judgeTargets(report);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);

  const rows = reportRows(report);
  console.log(`\n${consoleTable(rows)}\n`);
  // The same table as Markdown, for docs/benchmarks.md.
  writeFileSync(RESULTS_FILE.replace(/\.json$/, '.md'), `${markdownTable(rows)}\n`);
  if (process.argv.includes('--update-docs')) updateDocs(report, markdownTable(rows));
  for (const [name, message] of Object.entries(report.errors))
    console.log(`not measured: ${name}: ${message}`);
  console.log(
    `bench: wrote ${path.relative(process.cwd(), RESULTS_FILE)} in ${report.meta.durationSec} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
