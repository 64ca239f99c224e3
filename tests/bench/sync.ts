// The sync benchmark alone (it also runs at the end of `npm run bench`): npx tsx tests/bench/sync.ts
import { benchSync } from './sync-bench';

const line = (label: string, value: string, budget?: string) =>
  console.log(`${label.padEnd(46)} ${value.padStart(14)}${budget ? `   ${budget}` : ''}`);

benchSync(line)
  .then(({ failures }) => {
    if (failures.length) {
      console.log(`\nOVER BUDGET: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
