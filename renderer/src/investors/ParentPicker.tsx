// 母公司: the name as typed, with the investors on record that match it suggested under the box
// (SearchPicker). A pick fills in the investor's Chinese name, which the backend links on save; a
// name not on record is kept as typed. The investor itself, and the groups below it, cannot be
// picked (the backend refuses them too: PARENT_CYCLE).
import { useCallback } from 'react';
import { Field } from '../ui/Field';
import { SearchPicker } from '../ui/SearchPicker';
import type { PickerMatch } from '../ui/SearchPicker';
import type { Bound } from '../ui/use-draft';
import { investorMatches } from './investor-matches';

interface Props extends Bound<string> {
  /** The investor being edited (none while creating one). */
  selfId?: string;
  className?: string;
}

export function ParentPicker({ id, value, error, onChange, selfId, className }: Props) {
  const search = useCallback(
    (q: string): Promise<PickerMatch[]> =>
      investorMatches(q, (inv) =>
        inv.id === selfId
          ? '不能选它自己'
          : inv.parentInvestorId === selfId && selfId !== undefined
            ? '它的下属企业，不能作母公司'
            : null,
      ),
    [selfId],
  );
  return (
    <Field id={id} label="母公司" error={error} className={className}>
      {(control) => (
        <SearchPicker
          control={control}
          text={value}
          onText={onChange}
          search={search}
          listLabel="匹配的投资方"
          placeholder="输入名称查找已录入的投资方"
          maxLength={200}
          noMatch={(q) => `没有找到「${q}」：保存时按所填名称记为母公司。`}
          freeText
          onPick={(match) => onChange(match.name)}
        />
      )}
    </Field>
  );
}
