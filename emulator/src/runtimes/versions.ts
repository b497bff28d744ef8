/**
 * SCF runtime names -> the exact Node.js release each one runs. The names are the ones
 * `@cloudbase/cli` (2.12) offers in `tcb fn deploy` (its RuntimeOptions list); the platform runs
 * the `.0` release of each named minor version (`Nodejs18.15` is v18.15.0).
 */
export const NODE_RUNTIMES: Readonly<Record<string, string>> = {
  'Nodejs16.13': '16.13.0',
  'Nodejs18.15': '18.15.0',
  'Nodejs20.19': '20.19.0',
  'Nodejs22.21': '22.21.0',
  'Nodejs24.11': '24.11.0',
};

/**
 * Node runtimes SCF no longer lets new functions use (the CLI still knows their names), with
 * the release each ran. Old projects still name them: they run here on a Node the user picks
 * (`--runtime-node local` or `--node`), with a warning; their exact builds are not fetched
 * (the instance runner needs Node 16.13 or later).
 */
export const RETIRED_RUNTIMES: Readonly<Record<string, string>> = {
  'Nodejs8.9': '8.9.0',
  'Nodejs10.15': '10.15.0',
  'Nodejs12.16': '12.16.0',
  'Nodejs14.18': '14.18.0',
};

export type RuntimeLookup =
  | { ok: true; version: string; retired?: false }
  | { ok: false; reason: string; retired: true; version: string }
  | { ok: false; reason: string; retired?: false };

/** The Node version of a runtime name, or why the emulator cannot run it. */
export function nodeVersionOf(runtime: string): RuntimeLookup {
  const version = NODE_RUNTIMES[runtime];
  if (version) return { ok: true, version };
  const known = Object.keys(NODE_RUNTIMES).join(', ');
  const retired = RETIRED_RUNTIMES[runtime];
  if (retired) {
    return {
      ok: false,
      retired: true,
      version: retired,
      reason: `runtime "${runtime}" is retired in the cloud (new functions use one of ${known})`,
    };
  }
  if (/^Nodejs/i.test(runtime)) {
    return { ok: false, reason: `runtime "${runtime}" is unknown: use one of ${known}` };
  }
  return {
    ok: false,
    reason: `runtime "${runtime}" is not a Node.js runtime (the emulator runs ${known})`,
  };
}
