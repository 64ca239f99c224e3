// 设置: who uses this copy, exchange rates per year, the editable dictionaries, backups and restore,
// the 落地率 and 五未 rules, the 首报首谈 thresholds and 数据质量. A restore reloads every section from the new database. Rates, rules and
// dictionaries are 本部's: an office laptop of a zone shows them read-only, with 向本部提建议.
import { useState } from 'react';
import { hqReadOnly, loadZoneStatus } from '../shared/hq-authority';
import { refreshAppStatus } from '../shell/use-app-status';
import { call } from '../api/client';
import { ErrorBanner } from '../ui/Alert';
import { useLoad } from '../ui/use-load';
import { ScreenTitle } from '../ui/ScreenTitle';
import { BackupSection } from './BackupSection';
import { ClaimThresholdsSection } from './ClaimThresholdsSection';
import type { RestoreResult } from './backup-format';
import { fileName } from './backup-format';
import { DictionariesSection } from './DictionariesSection';
import { DataQualitySection } from './DataQualitySection';
import { OtherRatesSection } from './OtherRatesSection';
import { RatesSection } from './RatesSection';
import { RulesSection } from './RulesSection';
import { UserSection } from './UserSection';
import { useSettings } from './use-settings';
import './settings.css';

export function SettingsScreen() {
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  // Bumped after a restore: every section mounts again and reads the restored database.
  const [generation, setGeneration] = useState(0);

  return (
    <section className="settings-screen" aria-labelledby="settings-title">
      <ScreenTitle id="settings-title">设置</ScreenTitle>
      <div className="settings-scroll">
        {restored ? (
          <div className="settings-banner" aria-live="polite">
            <p>
              已从备份{' '}
              <strong title={restored.restoredFrom}>{fileName(restored.restoredFrom)}</strong>{' '}
              恢复数据库。
            </p>
            <p className="settings-note" title={restored.safetyCopy}>
              恢复前的数据库已另存为安全副本：{restored.safetyCopy}
            </p>
            <button type="button" className="link-button" onClick={() => setRestored(null)}>
              知道了
            </button>
          </div>
        ) : null}
        <SettingsBody
          key={generation}
          onRestored={(result) => {
            setRestored(result);
            setGeneration((n) => n + 1);
            refreshAppStatus();
          }}
        />
      </div>
    </section>
  );
}

const loadThresholds = () => call('claim.thresholds', undefined);

function SettingsBody({ onRestored }: { onRestored: (result: RestoreResult) => void }) {
  const { settings, error, reload, replace } = useSettings();
  const zone = useLoad(loadZoneStatus, []);
  const thresholds = useLoad(loadThresholds, []);
  // Bumped when the thresholds are saved: 数据质量 checks 应报未报 again.
  const [thresholdSaves, setThresholdSaves] = useState(0);

  if (error && !settings)
    return <ErrorBanner error={error} prefix="设置读取失败：" onRetry={reload} />;
  // Until zone.status answers it is not known whether this laptop may edit; if it fails, the
  // backend's own refusal (HQ_ONLY) still stands.
  if (!settings || zone.loading) return <p className="settings-loading">正在读取设置……</p>;
  const readOnly = hqReadOnly(zone.data);

  return (
    <div className="settings-grid">
      <div className="settings-column">
        <UserSection settings={settings} onSaved={replace} />
      </div>
      <div className="settings-column">
        <RatesSection settings={settings} onSaved={replace} readOnly={readOnly} />
        <OtherRatesSection settings={settings} onSaved={replace} readOnly={readOnly} />
      </div>
      <RulesSection settings={settings} onSaved={replace} readOnly={readOnly} />
      <DataQualitySection version={thresholdSaves} />
      <ClaimThresholdsSection
        thresholds={thresholds}
        readOnly={readOnly}
        onSaved={() => setThresholdSaves((n) => n + 1)}
      />
      <DictionariesSection readOnly={readOnly} />
      <BackupSection onRestored={onRestored} />
    </div>
  );
}
