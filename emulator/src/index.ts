/**
 * Programmatic API of the local CloudBase emulator (tests, tools):
 *
 *   const emu = await startEmulator({ project: 'test/fixtures/host-project', port: 0 });
 *   const reply = await emu.callFunction('login', {}, { openid: 'o-user-1' });
 *   await emu.stop();
 */
import path from 'node:path';
import { EmulatorClock } from './clock';
import { listFunctions, loadProject, type ProjectConfig } from './config/cloudbaserc';
import { prepareDataDir } from './config/data-dir';
import { EmulatorStartError } from './config/errors';
import { consoleDistDir, repoRoot, runnerPath } from './config/paths';
import { openEmulatorDatabase } from './app/open-database';
import { EmulatorEvents } from './functions/events';
import { FunctionHost } from './functions/host';
import { dependencyWarnings } from './functions/dependency-check';
import { resolveLogger, type Logger } from './logging/logger';
import { RuntimeSet, runtimeCacheDir, type RuntimeNodeMode } from './runtimes';
import type { EmulatorContext } from './app/context';
import type { EmulatorDatabase } from './app/database-port';
import { createHttpServer, listen } from './http/http-server';
import { routeModules } from './app/route-modules';
import { defaultMaxInstances } from './functions/instance-limit';
import { messagesApi, openapiFor, type MessagesApi, type OpenApiService } from './openapi';
import { createStopper } from './app/stopper';
import { boundHostNames, isLoopback, newAccessToken } from './http/bind-address';
import { pathScrubber } from './http/public-message';
import { readTimerTriggers, TriggerScheduler } from './triggers';
import { seedAtStart, type SeedOptions } from './seed';
import { deliverPush, PushConfigError, pushesFor, type PushService } from './pushes';
import {
  createClientRules,
  RuleFileError,
  type ClientRules,
  type DocIdMode,
  type RulesOptions,
} from './rules';
import {
  createFunctionCaller,
  type CallIdentity,
  type FunctionCallReply,
} from './functions/function-caller';

export { EmulatorStartError } from './config/errors';
export { createWxCloud, type CreateWxCloudOptions } from './bridge/wx-cloud';
export {
  createRequestSubscribeMessage,
  type RequestSubscribeMessageOptions,
} from './bridge/request-subscribe-message';
export type { BridgeWxCloud } from './bridge/types';
export type * from './bridge/database-types';
export type { DocIdMode, PlaygroundInput, PlaygroundAnswer, RuleListing } from './rules';
export type { ConnectionEvent, InvocationEvent, InvocationLogLine } from './functions/events';
export type { EmulatorEvents } from './functions/events';
export type { FunctionHost } from './functions/host';
export type { CallIdentity, FunctionCallReply } from './functions/function-caller';
export type { EmulatorContext } from './app/context';
export type { Route } from './http/route-types';
export type { RouteModule } from './app/context';
export {
  MSG_SEC_CHECK_RISKY_WORD,
  PHONE_CODE_TTL_MS,
  PHONE_FAIL_CODES,
  type OpenApiService,
  type PhoneCodeInput,
  type PhoneFailCode,
  type MessagesApi,
  type OutboxMessage,
  type PlatformPush,
  CLOUD_ID_TTL_MS,
  CUSTOMER_SERVICE_WINDOW_MS,
} from './openapi';
export { NODE_RUNTIMES, runtimeCacheDir, warmRuntimes, type RuntimeNodeMode } from './runtimes';
export type { EmulatorClock, ClockState } from './clock';
export type { TriggerScheduler, TriggerInfo, TimerEvent } from './triggers';
export type { PushDelivery, PushEvent, PushRoute, PushService } from './pushes';

export interface StartEmulatorOptions extends SeedOptions {
  /** 0 (default here; the CLI uses 9100) picks a free port. */
  port?: number;
  host?: string;
  /** Persistent data folder. Without it (and without inMemory:false) data lives in memory. */
  dataDir?: string;
  inMemory?: boolean;
  /** The project: its root (cloudbaserc.json or DevTools' project.config.json) or its functions
   * folder (default: the current folder). */
  project?: string;
  /** Overrides cloudbaserc.json's envId (default there, else `local`). */
  envId?: string;
  /** Idle instances are reaped after this long (default 5 minutes). */
  idleTimeoutMs?: number;
  /** Instance processes per function at most; further calls queue (default 4 per CPU core, at least 4). */
  maxInstancesPerFunction?: number;
  importDir?: string;
  exportOnExitDir?: string;
  dbLatencyMs?: number;
  dbFaultRate?: number;
  transactionTimeoutMs?: number;
  /** Security rules folder (default `<project>/database/security-rules`). */
  rulesDir?: string;
  /** How `doc(id)` client requests are judged (default `strict`; see docs/emulator.md). */
  rulesDocId?: DocIdMode;
  /** `exact` (default): each function runs on the Node its runtime names; `local`: this Node. */
  runtimeNode?: RuntimeNodeMode;
  /** Runtime name -> a Node binary for it, instead of the cache (`--node Nodejs18.15=<path>`). */
  nodePaths?: Record<string, string>;
  /** Where exact Node builds are kept (default: WX_EMULATOR_RUNTIME_CACHE, else one per-user
   * cache shared by every project, e.g. `~/.cache/wx-cloud-emulator/runtimes`). */
  runtimeCacheDir?: string;
  /** Host names accepted in the Host header besides localhost, *.localhost, 127.0.0.1, [::1]. */
  allowedHosts?: string[];
  /**
   * Required on every route but /healthz when set (`?access_token=`, Bearer header or cookie).
   * Off loopback one is made up when not given: the network must not reach an open emulator.
   */
  accessToken?: string;
  /** Emulated time starts this far from real time (ms; the clock can be moved later). */
  clockOffsetMs?: number;
  /**
   * A module a function finds only above its own folder (a parent node_modules, which an upload
   * leaves out): `warn` (default here, for test suites sharing one node_modules) loads it with a
   * warning; `refuse` (the CLI's default) fails the require as the cloud does. Both name it.
   */
  parentModules?: 'refuse' | 'warn';
  /** false (CLI `--no-triggers`): timer triggers never fire by themselves; run() still works. */
  triggers?: boolean;
  /** `console` prints the emulator log; default silent unless WX_EMULATOR_LOG is set. */
  logger?: Logger | 'console' | 'silent';
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/admin`: point TCB_CONTEXT_CNFG here to run the SDK outside a function. */
  adminUrl: string;
  port: number;
  /** Set when the emulator requires one (off loopback, or asked for): pass it on every call. */
  accessToken: string | undefined;
  /** POST /functions/<name> over HTTP with the given identity (no openid: header left out). */
  callFunction(name: string, data: unknown, identity?: CallIdentity): Promise<FunctionCallReply>;
  stop(): Promise<void>;
  database: EmulatorDatabase;
  events: EmulatorEvents;
  functions: FunctionHost;
  project: ProjectConfig;
  /** Cloud calls: `openapi.phoneCodes.issue({ openid, phoneNumber })`, `openapi.stats()`. */
  openapi: OpenApiService;
  /** Sent messages and the users' side of them: `list()`, `accept(openid, templateIds)`, `userMessaged(openid)`. */
  messages: MessagesApi;
  /** Emulated time: `now()`, `setOffset(ms)`, `advance(ms)`. */
  clock: EmulatorClock;
  /** Timer triggers: `list()`, `run(function, trigger)`. */
  triggers: TriggerScheduler;
  /** Message pushes (message-push.json): `deliver({MsgType, FromUserName, ...})`, `routes`. */
  pushes: PushService;
}

const DEFAULT_IDLE_TIMEOUT_MS = 5 * 60_000;

/** 0.0.0.0 / :: cannot be dialled: instances reach the emulator on loopback then. */
function dialHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const logger = resolveLogger(options.logger);
  const project = loadProject(options.project ?? process.cwd(), options.envId);
  // Both refuse bad input with one line before anything is opened.
  const timerTriggers = readTimerTriggers(project);
  const clock = startClock(options.clockOffsetMs);
  const runner = runnerPath();
  const inMemory = options.inMemory ?? options.dataDir === undefined;
  const dataDir = inMemory
    ? undefined
    : path.resolve(options.dataDir ?? path.join(project.dir, '.cloudbase', 'emulator'));
  if (dataDir) prepareDataDir(dataDir);
  const runtimes = new RuntimeSet({
    mode: options.runtimeNode ?? 'exact',
    paths: options.nodePaths ?? {},
    cacheDir: runtimeCacheDir(options.runtimeCacheDir),
    projectDir: project.dir,
    report: (level, line) => logger.log(level, line),
  });
  const functionList = listFunctions(project);
  for (const line of dependencyWarnings(functionList)) logger.log('warn', line);
  // Before anything opens: a runtime that cannot be had stops the start with one line.
  for (const binary of await runtimes.prepare(functionList)) {
    logger.log('info', `runtime ${binary.runtime}: node ${binary.version} (${binary.execPath})`);
  }

  // Rules are checked before the database opens, so a bad rule file leaves nothing open; the
  // client database only calls `database` once requests arrive, after it is assigned.
  const rules = loadRules(
    project.dir,
    options,
    logger,
    (body) => database.handle(body),
    () => clock.now(),
  );
  const database = await openEmulatorDatabase(
    {
      dataDir,
      inMemory,
      transactionTimeoutMs: options.transactionTimeoutMs,
      now: () => clock.now(),
    },
    options,
  );
  const host = options.host ?? '127.0.0.1';
  const accessToken = options.accessToken ?? (isLoopback(host) ? undefined : newAccessToken());
  let baseUrl = '';
  const events = new EmulatorEvents();
  const functions = new FunctionHost({
    project,
    runnerPath: runner,
    runtimes,
    events,
    logger,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    parentModules: options.parentModules ?? 'warn',
    maxInstancesPerFunction: options.maxInstancesPerFunction ?? defaultMaxInstances(),
    // The SDK appends `env=…&seqId=…` right after a URL that already has a `?`.
    adminUrl: (invocationId) =>
      `${baseUrl}/admin${invocationId ? `/i/${invocationId}` : ''}` +
      (accessToken ? `?access_token=${accessToken}&` : ''),
    clock,
  });
  const triggers = new TriggerScheduler({
    triggers: timerTriggers,
    clock,
    functions,
    logger,
    automatic: options.triggers ?? true,
  });
  const stopper = createStopper({
    database,
    functions,
    logger,
    exportOnExitDir: options.exportOnExitDir,
  });
  // Triggers stop first: nothing fires into a stopping function host.
  stopper.onStop(() => triggers.stop());
  const withoutPaths = pathScrubber({
    '<project>': project.dir,
    '<data>': dataDir,
    '<emulator>': repoRoot(),
  });
  const context: EmulatorContext = {
    withoutPaths,
    database,
    functions,
    events,
    project,
    logger,
    rules,
    clock,
    triggers,
    dataDir,
    consoleDir: consoleDistDir(),
    url: () => baseUrl,
    onStop: (cleanup) => stopper.onStop(cleanup),
  };
  let port: number;
  let pushes: PushService;
  try {
    // Route modules build their parts here (console API, storage); a failure must not leave
    // the database open. Seeds go in before the first request can come.
    await seedAtStart(context, options);
    pushes = loadPushes(context);
    const server = createHttpServer(
      routeModules.flatMap((module) => module(context)),
      {
        allowedHosts: [...(options.allowedHosts ?? []), ...boundHostNames(host)],
        accessToken,
        withoutPaths,
      },
      logger,
    );
    stopper.setServer(server);
    server.on('connection', ({ remoteAddress, remotePort }) =>
      events.emit('connection', { remoteAddress, remotePort }),
    );
    port = (await listen(server, options.port ?? 0, host)).port;
  } catch (error) {
    await stopper.stop();
    throw error;
  }
  baseUrl = `http://${dialHost(host)}:${port}`;
  logger.log(
    'info',
    `emulator ready at ${baseUrl} (project ${project.dir}, env ${project.envId}, ${dataDir ?? 'in memory'})`,
  );
  const caller = createFunctionCaller(baseUrl, accessToken);
  stopper.onStop(() => caller.close());
  return {
    url: baseUrl,
    adminUrl: `${baseUrl}/admin`,
    port,
    accessToken,
    callFunction: caller.call,
    stop: () => stopper.stop(),
    database,
    events,
    functions,
    project,
    openapi: openapiFor(context),
    messages: messagesApi(openapiFor(context), project.dir),
    clock,
    triggers,
    pushes,
  };
}

/** message-push.json is read once, at start: a bad one stops the start with one line. */
function loadPushes(context: EmulatorContext): PushService {
  try {
    const pushes = pushesFor(context);
    const openapi = openapiFor(context);
    // The cloud calls and the pushes meet here, so neither capability imports the other:
    // mediaCheckAsync's wxa_media_check verdict goes to the function message-push.json routes
    // it to, and a user's customer-service message opens the 48-hour reply window.
    openapi.platformPushes.setDelivery((push) => deliverPush(context, push.message));
    pushes.onUserMessage((openid, atMs) => openapi.customerService.userMessaged(openid, atMs));
    return pushes;
  } catch (error) {
    if (error instanceof PushConfigError) throw new EmulatorStartError(error.message);
    throw error;
  }
}

/** Rule files are checked before the database opens: a bad one stops the start with one line. */
function loadRules(
  projectDir: string,
  options: StartEmulatorOptions,
  logger: Logger,
  handle: RulesOptions['handle'],
  now: () => number,
): ClientRules {
  try {
    return createClientRules({
      projectDir,
      // `now` in a rule is the emulated time, like serverDate() and everything else timed.
      now,
      rulesDir: options.rulesDir,
      docIdMode: options.rulesDocId,
      handle,
      log: (message) => logger.log('warn', message),
    });
  } catch (error) {
    if (error instanceof RuleFileError)
      throw new EmulatorStartError(`security rules: ${error.message}`);
    throw error;
  }
}

function startClock(offsetMs = 0): EmulatorClock {
  try {
    return new EmulatorClock(offsetMs);
  } catch (error) {
    throw new EmulatorStartError(`clock offset: ${(error as Error).message}`);
  }
}

export function isStartError(error: unknown): error is EmulatorStartError {
  return error instanceof EmulatorStartError;
}
