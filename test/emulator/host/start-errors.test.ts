/** startEmulator's own refusals: typed, one line, nothing left open. */
import { startEmulator } from '../../../emulator/src';
import { EmulatorStartError } from '../../../emulator/src/config/errors';
import { fixtureProject } from './support';

test('a database latency over the limit is an EmulatorStartError, not a raw database error', async () => {
  const start = startEmulator({
    project: fixtureProject,
    inMemory: true,
    port: 0,
    logger: 'silent',
    dbLatencyMs: 70_000,
  });
  await expect(start).rejects.toThrow(EmulatorStartError);
  await expect(start).rejects.toThrow(
    /^latencyMs must be between 0 and 60000: pass --db-latency-ms/,
  );
});
