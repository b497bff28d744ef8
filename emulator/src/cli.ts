#!/usr/bin/env node
/**
 * `wx-cloud-emulator` (`npm start` in this repository): runs the emulator until SIGINT/SIGTERM.
 * Problems the user can fix end in one line that says what to do, with no stack trace.
 */
import { COMMAND, helpText } from './cli-help';
import { parseCliOptions, wantsHelp } from './cli-options';
import { EmulatorStartError } from './config/errors';
import { isLoopback, reachableAddresses } from './http/bind-address';
import { startEmulator, type RunningEmulator } from './index';

function fail(error: unknown): never {
  const message =
    error instanceof EmulatorStartError
      ? error.message
      : `emulator failed: ${String((error as Error).message ?? error)}`;
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(helpText());
    return;
  }
  const options = parseCliOptions(argv);
  // Signals are handled from the start: one arriving while starting stops right after start.
  const started: { emulator?: RunningEmulator } = {};
  let stopRequested = false;
  const stopAndExit = (running: RunningEmulator): void => {
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => fail(error),
    );
  };
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopRequested) return;
    stopRequested = true;
    process.stdout.write(`${signal}: stopping the emulator\n`);
    if (started.emulator) stopAndExit(started.emulator);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const emulator = await startEmulator(options);
  started.emulator = emulator;
  if (stopRequested) {
    stopAndExit(emulator);
    return;
  }
  const fns = emulator.functions.list().map((fn) => fn.name);
  const { project } = emulator;
  process.stdout.write(`${COMMAND} listening on ${emulator.url}\n`);
  process.stdout.write(`  project: ${project.name} (${project.dir}, ${project.layout})\n`);
  process.stdout.write(
    `  functions: ${fns.length > 0 ? fns.join(', ') : `(none in ${project.functionRoot})`}\n`,
  );
  process.stdout.write(`  admin (TCB_CONTEXT_CNFG URL): ${emulator.adminUrl}\n`);
  const timers = emulator.triggers.list().map((t) => `${t.functionName}/${t.name} (${t.config})`);
  if (timers.length > 0) {
    const mode = emulator.triggers.automatic ? 'UTC+8' : 'off: --no-triggers';
    process.stdout.write(`  timer triggers [${mode}]: ${timers.join(', ')}\n`);
  }
  if (emulator.clock.offsetMs !== 0) {
    process.stdout.write(`  clock shifted by ${emulator.clock.offsetMs} ms (PUT /api/clock)\n`);
  }
  printNetworkWarning(options.host ?? '127.0.0.1', emulator);
}

/** Off loopback: the real addresses, the console URL with its token, and a warning. */
function printNetworkWarning(host: string, emulator: RunningEmulator): void {
  if (isLoopback(host) || !emulator.accessToken) return;
  const token = `?access_token=${emulator.accessToken}`;
  const addresses = reachableAddresses(host);
  process.stdout.write(
    `\n  WARNING / 警告: listening on ${host}, reachable from the network. Every route but /healthz\n` +
      `  needs the access token; this is a development tool, not a production server.\n`,
  );
  for (const address of addresses.length > 0 ? addresses : [host]) {
    process.stdout.write(`  console: http://${address}:${emulator.port}/${token}\n`);
  }
  process.stdout.write(
    `  (other machines reach it by an address above; add names with --allowed-host)\n`,
  );
}

main().catch(fail);
