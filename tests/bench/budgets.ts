// The summary of issue 19's budgets (and the others the bench holds): each figure with its budget,
// its ratio to the budget or to a reference measured in the same run, and PASS/MISS.

export interface BudgetRow {
  label: string;
  /** The measured figure, already formatted with its unit. */
  measured: string;
  budget: string;
  /** measured / limit (for a ratio budget: the ratio itself against its limit). */
  ratio: number;
  pass: boolean;
}

export class Budgets {
  readonly rows: BudgetRow[] = [];

  /** A figure that must stay under `limit` (same unit as `value`). */
  under(label: string, value: number, limit: number, unit: string, note = ''): void {
    const fmt = (x: number) => `${Number.isInteger(x) ? x : x.toFixed(x < 10 ? 2 : 1)} ${unit}`;
    this.rows.push({
      label,
      measured: fmt(value) + (note ? ` (${note})` : ''),
      budget: `< ${fmt(limit)}`,
      ratio: value / limit,
      pass: value < limit,
    });
  }

  /** A ratio to a reference measured in the same run that may be at most `limit`. */
  ratioAtMost(label: string, ratio: number, limit: number, note = ''): void {
    this.rows.push({
      label,
      measured: `${ratio.toFixed(2)}×` + (note ? ` (${note})` : ''),
      budget: `≤ ${limit}×`,
      ratio: ratio / limit,
      pass: ratio <= limit,
    });
  }

  misses(): string[] {
    return this.rows.filter((r) => !r.pass).map((r) => r.label.trim());
  }

  print(): void {
    if (this.rows.length === 0) return;
    console.log('\nbudgets (ratio = measured / budget)');
    const w = Math.max(...this.rows.map((r) => r.label.length));
    const m = Math.max(...this.rows.map((r) => r.measured.length));
    for (const r of this.rows) {
      console.log(
        `${r.label.padEnd(w)}  ${r.measured.padStart(m)}  ${r.budget.padEnd(10)}` +
          `  ${r.ratio.toFixed(2).padStart(5)}  ${r.pass ? 'PASS' : 'MISS'}`,
      );
    }
  }
}
