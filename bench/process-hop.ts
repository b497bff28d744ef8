// processHop: what one message between two Node processes costs on this machine, sent
// back-to-back and after the receiver has sat idle for a moment. A function call through the
// emulator crosses processes at every step (invoke, each SDK request and reply, the result), and
// each crossing lands on an idle process; the bare baseline crosses none (client and server
// share one process). The gap between the two figures is the machine's wake-up cost.
import { spawn } from 'node:child_process';
import { median, msSince, round } from './lib/stats';

export interface ProcessHopResult {
  /** IPC round trip to a child process, messages sent back-to-back (p50). */
  busyRttMs: number;
  /** The same after the child sat idle for about a millisecond (p50). */
  idleRttMs: number;
  samples: number;
}

const CHILD = `process.on('message', (m) => process.send(m));`;

export async function measureProcessHop(samples = 300): Promise<ProcessHopResult> {
  // Plain node, no loaders: the emulator's function instances are started the same way.
  const child = spawn(process.execPath, ['-e', CHILD], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'json',
  });
  const ping = () =>
    new Promise<number>((resolve) => {
      const start = process.hrtime.bigint();
      child.once('message', () => resolve(msSince(start)));
      child.send({ ping: true });
    });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1));
  try {
    for (let i = 0; i < 20; i += 1) await ping();
    const busy: number[] = [];
    const idle: number[] = [];
    // Interleaved, so both see the same machine load.
    for (let i = 0; i < samples; i += 1) {
      busy.push(await ping());
      await pause();
      idle.push(await ping());
    }
    return { busyRttMs: round(median(busy), 3), idleRttMs: round(median(idle), 3), samples };
  } finally {
    child.kill();
  }
}
