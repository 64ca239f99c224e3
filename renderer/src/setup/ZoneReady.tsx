// After 本部 created the zone or an office's laptop joined it: the zone's name and id, what came
// with the invitation, and what to do next. No demo data here: a real zone never takes any.
import type { SyncImportReport, ZoneStatus } from '../../../domain/sync';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

type Props = {
  user: string;
  office: string;
  onDone: () => void;
} & (
  | { way: 'create'; zone?: undefined; imported?: undefined }
  | { way: 'join'; zone: ZoneStatus; imported: SyncImportReport | null }
);

export function ZoneReady({ user, office, way, zone: joinedZone, imported, onDone }: Props) {
  // The zone just joined came with the answer; a zone just created is read.
  const created = useLoad(() => (joinedZone ? Promise.resolve(null) : call('zone.status')), []);
  const zone: ZoneStatus | null = joinedZone ?? created.data;

  return (
    <section aria-labelledby="setup-ready-title">
      <h1 id="setup-ready-title" className="setup-title">
        {way === 'create' ? '分区已创建' : '已加入分区'}
      </h1>
      <p className="setup-intro">
        {user}（{office}），你好。
      </p>
      {zone ? (
        <dl className="setup-facts">
          <dt>分区</dt>
          <dd className="setup-zone-name" title={zone.name}>
            {zone.name}
          </dd>
          <dt>分区编号</dt>
          <dd>
            <code title={zone.zoneId}>{zone.zoneId}</code>
          </dd>
        </dl>
      ) : null}
      {way === 'create' ? (
        <p className="setup-intro-small">
          下一步：在「同步」页的「分区」中为各驻点的电脑制作邀请，把邀请文件交给对方，口令另行打电话告知。
        </p>
      ) : (
        <p className="setup-intro-small">
          {imported
            ? `邀请中的数据已导入：${imported.message}`
            : '这份邀请不含数据：本部发来同步文件后，在「同步」页导入即可。'}
        </p>
      )}
      <div className="setup-choices">
        <button type="button" className="primary-button" onClick={onDone}>
          进入台账
        </button>
      </div>
    </section>
  );
}
