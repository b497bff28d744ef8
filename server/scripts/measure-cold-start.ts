/**
 * Cold-start module-load time and upload size of each built function versus a plain function
 * that only does `require('wx-server-sdk')` (installed, as `installDependency: true` would).
 *
 *   npm run build && npx tsx server/scripts/measure-cold-start.ts [--runs 15] [--json]
 *
 * Each sample is a fresh `node -e` process (with SCF's TENCENTCLOUD_RUNENV=SCF) timing `require('<dir>/index.js')` in-process
 * (hrtime around the require) and the whole process wall time. Targets are measured round
 * robin so a busy machine slows all of them alike; medians are reported.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const nodeModules = path.join(repoRoot, 'node_modules');

export interface Target {
  name: string;
  dir: string;
  /** Bytes uploaded by `tcb fn deploy` (folder without node_modules/*.map) or installed. */
  uploadBytes: number;
}

export interface Measurement extends Target {
  requireMsMedian: number;
  /** The fastest sample: closest to an idle machine when the box is shared and busy. */
  requireMsMin: number;
  processMsMedian: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function folderBytes(dir: string, skip: (name: string) => boolean = () => false): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(file);
    else if (entry.isFile()) total += statSync(file).size;
  }
  return total;
}

/** Bytes of a package and its production dependencies, as npm would install them. */
export function installedBytes(pkg: string, seen = new Set<string>()): number {
  if (seen.has(pkg)) return 0;
  seen.add(pkg);
  const dir = path.join(nodeModules, pkg);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  let total = folderBytes(dir, (name) => name === 'node_modules');
  for (const dep of Object.keys(manifest.dependencies ?? {})) total += installedBytes(dep, seen);
  return total;
}

/** One fresh process: [ms spent in require, ms of the whole process]. */
export function sample(dir: string): [number, number] {
  const script =
    'const t=process.hrtime.bigint();require(process.argv[1]);' +
    'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['-e', script, path.join(dir, 'index.js')], {
    cwd: dir,
    // As inside SCF: without these the SDK probes a metadata host at init (not what the
    // cloud does), which would load axios and skew both sides.
    env: {
      PATH: process.env.PATH ?? '',
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: 'measure',
      TENCENTCLOUD_REGION: 'ap-shanghai',
    },
  });
  return [Number(out.toString()), Number(process.hrtime.bigint() - started) / 1e6];
}

export function measure(targets: Target[], runs: number): Measurement[] {
  const samples = targets.map(() => ({ req: [] as number[], proc: [] as number[] }));
  for (const target of targets) sample(target.dir); // warm the file cache once
  for (let run = 0; run < runs; run += 1) {
    targets.forEach((target, i) => {
      const [req, proc] = sample(target.dir);
      samples[i]!.req.push(req);
      samples[i]!.proc.push(proc);
    });
  }
  return targets.map((target, i) => ({
    ...target,
    requireMsMedian: median(samples[i]!.req),
    requireMsMin: Math.min(...samples[i]!.req),
    processMsMedian: median(samples[i]!.proc),
  }));
}

/** A plain function folder: index.js with only require('wx-server-sdk'), the SDK installed. */
export function plainSdkFunction(withInit: boolean): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'plain-sdk-'));
  const init = withInit ? 'sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });' : '';
  writeFileSync(
    path.join(dir, 'index.js'),
    `const sdk = require('wx-server-sdk');${init}\nexports.main = async () => sdk.getWXContext();\n`,
  );
  symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function main(): void {
  const args = process.argv.slice(2);
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 15;
  const functionsDir = path.join(repoRoot, 'cloudfunctions');
  const plain = plainSdkFunction(false);
  const plainInit = plainSdkFunction(true);
  const sdkBytes = installedBytes('wx-server-sdk');
  try {
    const targets: Target[] = [
      { name: 'plain require(wx-server-sdk)', dir: plain.dir, uploadBytes: sdkBytes },
      { name: 'plain + cloud.init', dir: plainInit.dir, uploadBytes: sdkBytes },
      ...readdirSync(functionsDir)
        .filter((name) =>
          statSync(path.join(functionsDir, name, 'index.js'), { throwIfNoEntry: false }),
        )
        .map((name) => {
          const dir = path.join(functionsDir, name);
          return {
            name,
            dir,
            uploadBytes: folderBytes(dir, (f) => f.endsWith('.map') || f === 'node_modules'),
          };
        }),
    ];
    const results = measure(targets, runs);
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify({ runs, results }, null, 2)}\n`);
      return;
    }
    const base = results[0]!;
    console.log(`median of ${runs} fresh processes each (node ${process.version})`);
    console.log(
      'target                          require ms  x plain     min ms  x plain  process ms  upload KB',
    );
    for (const r of results) {
      console.log(
        `${r.name.padEnd(32)}${r.requireMsMedian.toFixed(1).padStart(10)}` +
          `${(r.requireMsMedian / base.requireMsMedian).toFixed(2).padStart(9)}` +
          `${r.requireMsMin.toFixed(1).padStart(11)}` +
          `${(r.requireMsMin / base.requireMsMin).toFixed(2).padStart(9)}` +
          `${r.processMsMedian.toFixed(1).padStart(12)}${(r.uploadBytes / 1024).toFixed(0).padStart(11)}`,
      );
    }
  } finally {
    plain.cleanup();
    plainInit.cleanup();
  }
}

if (require.main === module) main();
