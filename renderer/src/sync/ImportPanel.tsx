// 导入: drop a .zsync file on the zone or choose it; its bytes go to sync.importData. An encrypted
// file asks for its passphrase, and a wrong one can be retyped and retried without choosing the file
// again (the bytes stay here until another file is chosen). While the import runs, a bar shows its
// phase (解密, 校验变更 n/N, 写入……) from the backend's job progress.
import { useState } from 'react';
import { errorMessages } from '../../../domain/errors';
import type { SyncImportReport } from '../../../domain/sync';
import { ApiError, call, errorText } from '../api/client';
import { formatBytes } from '../settings/backup-format';
import { FileDropZone } from '../shared/FileDropZone';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { Form } from '../ui/Form';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';
import { fileToBase64 } from './file-bytes';
import { PassphraseField } from './PassphraseField';

interface Chosen {
  name: string;
  bytes: number;
  dataBase64: string;
}

interface Props {
  onImported: (report: SyncImportReport) => void;
}

const needsPassphrase = new Set(['PASSPHRASE_REQUIRED', 'BAD_PASSPHRASE']);

export function ImportPanel({ onImported }: Props) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [reading, setReading] = useState(false);
  const importing = useSubmit();
  const busy = reading || importing.busy;

  const run = (file: Chosen, pass: string) =>
    void importing.run(async () => {
      let report: SyncImportReport;
      try {
        report = await call('sync.importData', {
          name: file.name,
          dataBase64: file.dataBase64,
          ...(pass ? { passphrase: pass } : {}),
        });
      } catch (e) {
        if (e instanceof ApiError && needsPassphrase.has(e.code)) setAskPassphrase(true);
        throw e;
      }
      setAskPassphrase(false);
      setPassphrase('');
      setChosen(null);
      onImported(report);
    });

  const take = async (file: File | undefined) => {
    if (!file || busy) return;
    importing.clear();
    setAskPassphrase(false);
    setPassphrase('');
    if (!file.name.toLowerCase().endsWith('.zsync')) {
      setChosen(null);
      importing.fail(`「${file.name}」${errorMessages.NOT_SYNC_FILE}`);
      return;
    }
    setReading(true);
    let read: Chosen;
    try {
      read = { name: file.name, bytes: file.size, dataBase64: await fileToBase64(file) };
    } catch (e) {
      setReading(false);
      importing.fail(errorText(e));
      return;
    }
    setReading(false);
    setChosen(read);
    run(read, '');
  };

  return (
    <Card id="sync-import" title="导入" className="sync-card">
      <p className="sync-hint">
        导入有误时可在下方「导入记录」中撤销；同一个文件重复导入不会重复写入。
      </p>
      <FileDropZone
        className="sync-drop"
        busy={busy}
        accept=".zsync"
        inputLabel="选择同步文件"
        onFile={(file) => void take(file)}
      >
        {reading ? (
          <p className="sync-busy" role="status">
            正在读取文件……
          </p>
        ) : importing.busy ? (
          <>
            <p className="sync-busy sync-ellipsis" title={chosen?.name}>
              正在导入 {chosen?.name ?? ''}
            </p>
            <ProgressBar label="正在导入……" />
          </>
        ) : (
          <p>把同步文件（.zsync）拖到这里，或</p>
        )}
      </FileDropZone>
      <ErrorText error={importing.error} className="sync-error" />
      {askPassphrase && chosen ? (
        <Form
          className="sync-retry"
          onSubmit={() => {
            if (passphrase) run(chosen, passphrase);
          }}
        >
          <PassphraseField
            label={`「${chosen.name}」（${formatBytes(chosen.bytes)}）的口令`}
            labelTitle={chosen.name}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
            disabled={busy}
          />
          <button type="submit" className="secondary-button" disabled={busy || passphrase === ''}>
            {importing.busy ? '正在导入……' : '用此口令导入'}
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
