import { ref, shallowRef } from 'vue';
import { api, type InvocationRecord } from '../api/client';

/** Newest first; the server keeps 500, the page keeps as many. */
const KEEP = 500;
const POLL_MS = 2000;
/** A benchmark can finish hundreds of calls a second: re-render the log at most this often. */
const FLUSH_MS = 200;

const invocations = shallowRef<InvocationRecord[]>([]);
const live = ref(false);
let lastSeq = 0;
let started = false;

function accept(records: InvocationRecord[]): void {
  const fresh = records.filter((r) => r.seq > lastSeq);
  if (fresh.length === 0) return;
  for (const r of fresh) lastSeq = Math.max(lastSeq, r.seq);
  invocations.value = [...fresh.reverse(), ...invocations.value].slice(0, KEEP);
}

const pending: InvocationRecord[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function enqueue(record: InvocationRecord): void {
  pending.push(record);
  flushTimer ??= setTimeout(() => {
    flushTimer = undefined;
    accept(pending.splice(0));
  }, FLUSH_MS);
}

/** Polling: used when the browser has no EventSource (which reconnects by itself otherwise). */
function poll(): void {
  const tick = (): void => {
    api
      .invocations(lastSeq)
      .then((r) => accept(r.invocations))
      .catch(() => undefined)
      .finally(() => setTimeout(tick, POLL_MS));
  };
  tick();
}

function start(): void {
  if (started) return;
  started = true;
  // Load the backlog first, then follow the server-sent event stream for new calls.
  api
    .invocations(0)
    .then((r) => accept(r.invocations))
    .catch(() => undefined)
    .finally(() => {
      if (typeof EventSource === 'undefined') return poll();
      const source = new EventSource('./api/invocations/stream');
      source.addEventListener('open', () => (live.value = true));
      source.addEventListener('error', () => (live.value = false));
      source.addEventListener('invocation', (e) =>
        enqueue(JSON.parse((e as MessageEvent<string>).data) as InvocationRecord),
      );
    });
}

/** The live invocation log, shared by every view (one stream per page). */
export function useInvocations() {
  start();
  const clear = async (): Promise<void> => {
    await api.clearInvocations();
    invocations.value = [];
  };
  return { invocations, live, clear };
}
