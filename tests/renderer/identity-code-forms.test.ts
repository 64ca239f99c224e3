// The forms' 统一社会信用代码 and 项目代码 (issue 18, point 6): checked by the same schema as the
// API, so the error under the field names the wrong character or check, in Chinese; a typed code
// with spaces, full-width characters or lower case is sent normalised; a blank field sends none.
import { expect, test } from 'vitest';
import { checkDraft, emptyDraft } from '../../renderer/src/investors/investor-draft';
import { emptyDraft as emptyProject } from '../../renderer/src/project/project-draft';
import { checkCreate } from '../../renderer/src/project/project-validation';

test('the investor form refuses a wrong check character and normalises a right code', () => {
  const wrong = checkDraft({ ...emptyDraft, nameZh: '华为', creditCode: '914403001922038217' });
  expect(wrong).toEqual({
    ok: false,
    errors: { creditCode: '统一社会信用代码第 18 位校验码应为「6」，实为「7」，请逐位核对' },
  });
  const letter = checkDraft({ ...emptyDraft, nameZh: '华为', creditCode: '9144030019220382O6' });
  expect(letter.ok ? '' : letter.errors.creditCode).toBe(
    '统一社会信用代码第 17 位「O」不是有效字符（代码不使用字母 I、O、Z、S、V）',
  );
  const right = checkDraft({
    ...emptyDraft,
    nameZh: '腾讯',
    creditCode: ' 9144 0300 7152 6726xg ',
  });
  expect(right.ok && right.input.creditCode).toBe('9144030071526726XG');
  const blank = checkDraft({ ...emptyDraft, nameZh: '腾讯', creditCode: '  ' });
  expect(blank.ok && blank.input.creditCode).toBeNull();
});

test('the project form refuses a malformed 项目代码 and normalises a right one', () => {
  const wrong = checkCreate({
    ...emptyProject,
    name: '甲项目',
    projectCode: '2020-451421-88-3-016343',
  });
  expect(wrong.ok ? '' : wrong.errors.projectCode).toContain('项目代码应为 24 位');
  const right = checkCreate({
    ...emptyProject,
    name: '甲项目',
    projectCode: '２０２０－４５１４２１－８８－０３－０１６３４３',
  });
  expect(right.ok && right.input.projectCode).toBe('2020-451421-88-03-016343');
});
