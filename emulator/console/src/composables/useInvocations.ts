import { ref, shallowRef } from 'vue';
import { api, type InvocationRecord } from '../api/client';

/** Newest first; the server keeps 500, the page keeps as many. */
const KEEP = 500;
const POLL_MS = 2000;

const invocations = shallowRef<InvocationRecord[]>([]);
const live = ref(false);
let lastSeq = 0;
let started = false;

function accept(records: InvocationRecord[]): void {
  const fresh = records.filter((r) => r.seq > lastSeq);
  if (fresh.length === 0) return;
  lastSeq = Math.max(lastSeq, ...fresh.map((r) => r.seq));
  invocations.value = [...fresh.reverse(), ...invocations.value].slice(0, KEEP);
}

/** Polling: used when the browser has no EventSource or the stream keeps failing. */
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
        accept([JSON.parse((e as MessageEvent<string>).data) as InvocationRecord]),
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
