/**
 * The emulator reads functionDefaultConfig exactly as the installed @cloudbase/cli does: each
 * case is written to a cloudbaserc.json, read by the CLI's own getCloudBaseConfig and by
 * loadProject, and the merged entries must be equal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadProject } from '../../../emulator/src/config/cloudbaserc';
import { cliGetCloudBaseConfig } from '../../support/cloudbase-cli-config';

const repoRc: unknown = JSON.parse(
  readFileSync(path.join(__dirname, '../../../cloudbaserc.json'), 'utf8'),
);

const cases: Array<[string, unknown]> = [
  ['this repository', repoRc],
  [
    'envVariables: an entry adds and overrides keys, the rest come from the defaults',
    {
      functionDefaultConfig: { timeout: 5, envVariables: { A: '1', B: '2' } },
      functions: [{ name: 'f', envVariables: { B: '3', C: '4' } }, { name: 'g' }],
    },
  ],
  [
    'arrays merge index by index; null overrides; nested objects merge',
    {
      functionDefaultConfig: {
        ignore: ['node_modules', '*.map', '*.md'],
        timeout: 5,
        vpc: { vpcId: 'vpc-1', subnetId: 'subnet-1' },
        triggers: [{ name: 'daily', type: 'timer', config: '0 0 3 * * * *' }],
      },
      functions: [
        {
          name: 'f',
          ignore: ['dist'],
          timeout: null,
          vpc: { subnetId: 'subnet-2' },
          triggers: [{ config: '0 0 4 * * * *' }],
        },
      ],
    },
  ],
  [
    'no functionDefaultConfig: entries as written',
    { functions: [{ name: 'f', timeout: 9, envVariables: { A: '1' } }] },
  ],
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'emu-merge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test.each(cases)('%s', async (_name, rc) => {
  const file = path.join(dir, 'cloudbaserc.json');
  // The CLI refuses a file without envId; the merge does not depend on it.
  writeFileSync(file, JSON.stringify({ envId: 'test-env', ...(rc as object) }));
  const cli = await cliGetCloudBaseConfig()(file);
  const emulator = loadProject(dir, 'test-env');
  const cliFunctions = cli.functions ?? [];
  expect(cliFunctions.length).toBeGreaterThan(0);
  expect([...emulator.listed.keys()]).toEqual(cliFunctions.map((fn) => fn.name));
  for (const fn of cliFunctions) {
    expect(emulator.listed.get(fn.name as string)?.raw).toEqual(fn);
  }
});
