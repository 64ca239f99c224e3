// The sync benchmark alone (it also runs at the end of `npm run bench`): npx tsx tests/bench/sync.ts
import { Budgets } from './budgets';
import { benchSync } from './sync-bench';

const line = (label: string, value: string, budget?: string) =>
  console.log(`${label.padEnd(46)} ${value.padStart(14)}${budget ? `   ${budget}` : ''}`);

const budgets = new Budgets();
benchSync(line, budgets)
  .then(({ failures }) => {
    budgets.print();
    const all = [...failures, ...budgets.misses()];
    if (all.length) {
      console.log(`\nOVER BUDGET: ${all.join('; ')}`);
      process.exitCode = 1;
    }
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
