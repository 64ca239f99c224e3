// The project form's investor as the API gets it: a typed name goes by name (found or created by
// the backend); an investor on record — the saved one, or one chosen with the 撞单 warning's
// 使用此投资方 — goes by its id alone, which the schema requires (never both).
import { describe, expect, test } from 'vitest';
import { projectCreateInput } from '../../domain/project-input';
import { changedKeys, emptyDraft, inputFromDraft } from '../../renderer/src/project/project-draft';

const id = '01J8Z3W5X6Y7Z8A9B0C1D2E3F4';

describe('project draft: investor by name or by id', () => {
  test('a typed name is sent as the name', () => {
    const { values } = inputFromDraft({
      ...emptyDraft,
      name: '甲',
      investor: '西门子（中国）有限公司',
    });
    expect(values.investor).toBe('西门子（中国）有限公司');
    expect('investorId' in values).toBe(false);
  });

  test('a chosen investor is sent by id only, and the schema takes it', () => {
    const draft = { ...emptyDraft, name: '甲', investor: '西门子股份公司', investorId: id };
    const { values } = inputFromDraft(draft);
    expect(values.investorId).toBe(id);
    expect('investor' in values).toBe(false);
    expect(projectCreateInput.safeParse(values).success).toBe(true);
  });

  test('choosing another investor on a saved project changes its id, typing changes its name', () => {
    const saved = inputFromDraft({ ...emptyDraft, name: '甲', investor: '博世', investorId: id });
    const other = '01J8Z3W5X6Y7Z8A9B0C1D2E3F5';
    const chosen = inputFromDraft({
      ...emptyDraft,
      name: '甲',
      investor: '西门子',
      investorId: other,
    });
    expect(changedKeys(saved.values, chosen.values)).toEqual(['investorId']);
    const typed = inputFromDraft({ ...emptyDraft, name: '甲', investor: '西门子（中国）' });
    expect(changedKeys(saved.values, typed.values)).toEqual(['investor']);
  });
});
