// `npm run build`: every build step of the repo, in dependency order.
// Each step lives next to what it builds' description in scripts/build/ and exports build().
import { build as buildEmulator } from './build/emulator.mjs';
import { build as buildEmulatorTypes } from './build/emulator-types.mjs';
import { build as buildFunctions } from './build/functions.mjs';
import { build as buildServerPackage } from './build/server-package.mjs';
import { build as buildClientPackage } from './build/client-package.mjs';
import { build as buildMiniprogramNpm } from './build/miniprogram-npm.cjs';
import { build as buildConsole } from './build/console.mjs';

const steps = [
  ['emulator', buildEmulator],
  ['emulator types', buildEmulatorTypes],
  ['cloud functions', buildFunctions],
  ['server package', buildServerPackage],
  ['mini program package', buildClientPackage],
  ['miniprogram/ 构建 npm', buildMiniprogramNpm],
  ['emulator console', buildConsole],
];

for (const [name, step] of steps) {
  const started = Date.now();
  await step();
  console.log(`build: ${name} (${Date.now() - started} ms)`);
}
