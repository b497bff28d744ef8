/** A finished call: one line in the emulator log and an `invocation` event. */
import type { Logger } from '../logging/logger';
import type { EmulatorEvents, InvocationLogLine } from './events';
import type { CallOutcome } from './host';

export interface InvocationFacts {
  functionName: string;
  requestId: string;
  openid: string;
  startedAt: number;
  event: unknown;
  logs: InvocationLogLine[];
  /** process.version of the Node that ran the call (undefined when none could be found). */
  node?: string;
}

export function reportInvocation(
  events: EmulatorEvents,
  logger: Logger,
  facts: InvocationFacts,
  outcome: CallOutcome,
): void {
  const durationMs = Date.now() - facts.startedAt;
  const status = outcome.ok ? 'ok' : `failed ${outcome.errCode}`;
  logger.log(
    outcome.ok ? 'info' : 'warn',
    `[${facts.functionName} ${facts.requestId}] ${status} in ${durationMs} ms` +
      (facts.node ? ` on node ${facts.node}` : ''),
  );
  // Parsing the result only matters to listeners (the console); skip it when nobody listens.
  if (events.listenerCount('invocation') === 0) return;
  events.emit('invocation', {
    ...facts,
    durationMs,
    ok: outcome.ok,
    ...(outcome.ok
      ? { result: JSON.parse(outcome.resultJson) as unknown }
      : { errCode: outcome.errCode, errMsg: outcome.errMsg }),
  });
}
