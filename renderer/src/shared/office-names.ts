// The offices as a person's office is stored (by name: 本部, 上海 …), for the selects that ask it.
import { offices } from '../../../domain/vocabulary';
import type { Choice } from '../ui/Select';

const byName = (list: typeof offices): Choice[] =>
  list.map((o) => ({ value: o.label, label: o.label }));

export const officeNames: readonly Choice[] = byName(offices);

/** The offices a laptop working alone can belong to: at 本部, app.init creates the zone instead. */
export const fieldOfficeNames: readonly Choice[] = byName(offices.filter((o) => o.key !== 'hq'));
