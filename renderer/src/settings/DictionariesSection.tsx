// 字典: the choices the project form offers for 承接平台, 产业 and 展会届次, each list editable (at
// 本部; an office laptop of a zone lists them, each with a way to propose a change to 本部).
import { useCallback, useEffect, useState } from 'react';
import type { Dictionaries } from '../../../domain/contract';
import { call, errorText } from '../api/client';
import { HqManaged } from '../shared/HqManaged';
import { DictionaryList } from './DictionaryList';
import type { DictionaryKind } from './DictionaryList';
import { SettingsSection } from './SettingsSection';

const lists: {
  kind: DictionaryKind;
  label: string;
  key: 'platforms' | 'industries' | 'fairEditions';
}[] = [
  { kind: 'platform', label: '承接平台', key: 'platforms' },
  { kind: 'industry', label: '产业', key: 'industries' },
  { kind: 'fair_edition', label: '展会届次', key: 'fairEditions' },
];

export function DictionariesSection({ readOnly }: { readOnly: boolean }) {
  const [dictionaries, setDictionaries] = useState<Dictionaries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    call('dictionary.list').then(
      (d) => {
        if (!live) return;
        setDictionaries(d);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [loads]);

  return (
    <SettingsSection
      id="settings-dictionaries"
      title="字典"
      hint={
        readOnly
          ? '项目表单中可选的承接平台、产业和展会届次。'
          : '项目表单中可选的承接平台、产业和展会届次。删除某项只是不再出现在选项里，已填写该项的项目不受影响。'
      }
      className="settings-wide"
    >
      {readOnly ? <HqManaged /> : null}
      {error ? (
        <p role="alert" className="settings-error">
          字典读取失败：{error}{' '}
          <button type="button" className="link-button" onClick={reload}>
            重试
          </button>
        </p>
      ) : dictionaries === null ? (
        <p className="settings-loading">正在读取字典……</p>
      ) : (
        <div className="settings-dictionaries">
          {lists.map((list) => (
            <DictionaryList
              key={list.kind}
              kind={list.kind}
              label={list.label}
              items={dictionaries[list.key]}
              onChanged={reload}
              readOnly={readOnly}
            />
          ))}
        </div>
      )}
    </SettingsSection>
  );
}
