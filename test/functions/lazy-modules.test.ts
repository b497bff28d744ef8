import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InvocationEvent } from '../../emulator/src';
import { startFunctions, type FunctionsHarness } from './support/harness';
import { repoRoot } from './support/build';

/** Bundles a fixture with the real build step (scripts/build/functions.mjs, lazy stand-ins on). */
function bundle(entry: string, outDir: string): void {
  const script = `import { bundleFunction } from './scripts/build/functions.mjs';
await bundleFunction(${JSON.stringify(entry)}, ${JSON.stringify(outDir)});`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot });
}

describe('lazily loaded SDK modules still work when a function uses them', () => {
  let fx: FunctionsHarness;
  let outRoot: string;
  beforeAll(async () => {
    outRoot = mkdtempSync(path.join(tmpdir(), 'wxcl-probe-'));
    const probeDir = path.join(outRoot, 'storageProbe');
    bundle(path.join(__dirname, 'fixtures/storage-probe.ts'), probeDir);
    // WXCL_LAZY_DEBUG makes each stand-in log when it loads its real module.
    fx = await startFunctions(
      { WXCL_LAZY_DEBUG: '1' },
      { extraFunctions: { storageProbe: probeDir } },
    );
  }, 60_000);
  afterAll(async () => {
    await fx?.stop();
    if (outRoot) rmSync(outRoot, { recursive: true, force: true });
  });

  test('the probe bundle defers form-data and friends (stand-ins present)', () => {
    const code = readFileSync(path.join(outRoot, 'storageProbe/index.js'), 'utf8');
    expect(code).toContain('WXCL_LAZY_DEBUG');
  });

  test('upload, temp URL and delete through the emulator storage', async () => {
    const seen: InvocationEvent[] = [];
    fx.emulator.events.on('invocation', (event) => seen.push(event));
    const reply = await fx.emulator.callFunction('storageProbe', {}, { openid: 'o-probe' });
    const result = dataOfPlain(reply);
    const logs = JSON.stringify(seen.find((e) => e.requestId === reply.requestID)?.logs ?? []);
    // The upload parses the storage reply with xml2js: loaded through its stand-in, and working.
    expect(logs).toMatch(/lazy load [^"]*xml2js/);
    expect(result.fileID).toMatch(/^cloud:\/\/.+probe\/hello\.txt$/);
    expect(result.tempFileURL).toMatch(/^https?:\/\//);
    expect(result.deleted).toBe(1);
  });
});

/** The probe returns a plain value (no envelope): unwrap the call reply. */
function dataOfPlain(reply: { ok: boolean; result?: unknown; body: unknown }) {
  if (!reply.ok) throw new Error(`call failed: ${JSON.stringify(reply.body)}`);
  return reply.result as { fileID: string; tempFileURL: string; deleted: number };
}
