// A text box with a list of options under it (the project picker, the quick search): the box's aria
// attributes that tie it to the list and its highlighted option, the step of ↑ and ↓ round the list,
// and the keys that belong to an input method's composition rather than to the box.
import type { KeyboardEvent } from 'react';

/** Spread on the box; `activeId`: the highlighted option's id, undefined while no list shows. */
export function comboboxProps(listId: string, activeId: string | undefined) {
  const open = activeId !== undefined;
  return {
    role: 'combobox',
    'aria-expanded': open,
    'aria-controls': open ? listId : undefined,
    'aria-autocomplete': 'list',
    'aria-activedescendant': activeId,
    autoComplete: 'off',
  } as const;
}

/** A key typed into a Chinese input method's composition (pinyin, a candidate's number). */
export function composing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

/** The option ↓ (or any other key: ↑) moves to from `index`, round a list of `count`. */
export function stepped(index: number, key: string, count: number): number {
  return (index + (key === 'ArrowDown' ? 1 : count - 1)) % count;
}
