// The --user-data-dir switch: an absolute folder is taken (normalised); nothing else is.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataDirFromSwitch } from '../../electron/user-data-dir';

describe('userDataDirFromSwitch', () => {
  it('takes an absolute folder, normalised', () => {
    const folder = path.resolve('/tmp/crm-data');
    expect(userDataDirFromSwitch(folder)).toBe(folder);
    expect(userDataDirFromSwitch(`${folder}/sub/..`)).toBe(folder);
  });

  it('ignores an absent switch and a relative path', () => {
    expect(userDataDirFromSwitch('')).toBeNull();
    expect(userDataDirFromSwitch('  ')).toBeNull();
    expect(userDataDirFromSwitch('data')).toBeNull();
    expect(userDataDirFromSwitch('./data')).toBeNull();
  });
});
