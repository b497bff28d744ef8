/**
 * Lays out the compat project in the cache: one function folder per SDK version, each with the
 * probe's index.js (copied from test/fixtures/sdk-compat-probe on every run) and its own
 * node_modules holding that wx-server-sdk, installed from the registry the first time only.
 * The versions never become dependencies of this repository.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compatCacheDir, probeName, runtimeFor, SDK_VERSIONS } from './versions';

const probeFolder = path.resolve(__dirname, '../fixtures/sdk-compat-probe');

export const COMPAT_ENV_ID = 'sdk-compat';

export function compatProjectDir(): string {
  return path.join(compatCacheDir(), 'project');
}

function installedVersion(functionDir: string): string | undefined {
  const manifest = path.join(functionDir, 'node_modules/wx-server-sdk/package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

/** Installs wx-server-sdk@version into the folder `dir` unless it is there already. */
function installSdk(dir: string, version: string, log: (line: string) => void): void {
  const manifest = {
    name: path.basename(dir),
    private: true,
    dependencies: { 'wx-server-sdk': version },
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (installedVersion(dir) === version) return;
  const started = Date.now();
  // No lockfile, no scripts: the SDKs need no build step, and the cache is throwaway.
  execFileSync(
    'npm',
    ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (installedVersion(dir) !== version) throw new Error(`wx-server-sdk@${version} not installed`);
  log(`sdk-compat: installed wx-server-sdk@${version} (${Date.now() - started} ms)`);
}

/**
 * Versions only the server package's matrix uses (server-package.test.ts) live beside the
 * project, not in it: the probe suite never runs them.
 */
function extraSdkFolder(version: string): string {
  return path.join(compatCacheDir(), 'extra', probeName(version));
}

/** The wx-server-sdk folder of one version in the cache (after the setup installed it). */
export function cachedSdkDir(version: string): string {
  const probed = (SDK_VERSIONS as readonly string[]).includes(version);
  const folder = probed
    ? path.join(compatProjectDir(), 'functions', probeName(version))
    : extraSdkFolder(version);
  return path.join(folder, 'node_modules/wx-server-sdk');
}

/** Installs the server matrix's versions the probe project lacks (once, like the others). */
export function prepareExtraSdks(versions: readonly string[], log: (line: string) => void): void {
  for (const version of versions) {
    if ((SDK_VERSIONS as readonly string[]).includes(version)) continue;
    const dir = extraSdkFolder(version);
    mkdirSync(dir, { recursive: true });
    installSdk(dir, version, log);
  }
}

/** Installs what is missing; returns the project folder. Logs one line per install. */
export function prepareCompatProject(log: (line: string) => void): string {
  const project = compatProjectDir();
  const functions = SDK_VERSIONS.map((version) => ({ version, name: probeName(version) }));
  for (const { version, name } of functions) {
    const dir = path.join(project, 'functions', name);
    mkdirSync(dir, { recursive: true });
    for (const file of ['index.js', 'config.json'])
      copyFileSync(path.join(probeFolder, file), path.join(dir, file));
    installSdk(dir, version, log);
  }
  const rc = {
    version: '2.0',
    envId: COMPAT_ENV_ID,
    functionRoot: 'functions',
    functionDefaultConfig: { runtime: 'Nodejs18.15', handler: 'index.main', timeout: 20 },
    functions: functions.map(({ name, version }) => ({ name, runtime: runtimeFor(version) })),
  };
  writeFileSync(path.join(project, 'cloudbaserc.json'), `${JSON.stringify(rc, null, 2)}\n`);
  return project;
}
