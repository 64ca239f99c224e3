// 字典: the choices the project form offers for 承接平台, 产业 and 展会届次, each list editable (at
// 本部; an office laptop of a zone lists them, each with a way to propose a change to 本部).
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { useLoad } from '../ui/use-load';
import { HqManaged } from '../shared/HqManaged';
import { Card } from '../ui/Card';
import { DictionaryList } from './DictionaryList';
import type { DictionaryKind } from './DictionaryList';

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
  const { data: dictionaries, error, reload } = useLoad(() => call('dictionary.list'), []);

  return (
    <Card
      id="settings-dictionaries"
      title="字典"
      hint={
        readOnly
          ? '项目表单中可选的承接平台、产业和展会届次。'
          : '项目表单中可选的承接平台、产业和展会届次。删除某项只是不再出现在选项里，已填写该项的项目不受影响。'
      }
      className="settings-card settings-wide"
    >
      {readOnly ? <HqManaged /> : null}
      {error ? (
        <ErrorText
          error={error}
          prefix="字典读取失败："
          onRetry={reload}
          className="settings-error"
        />
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
    </Card>
  );
}
