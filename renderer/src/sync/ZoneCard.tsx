// 分区: the zone this laptop belongs to (its name and id, this laptop's role) and, in a real zone,
// every laptop of every office the zone knows, with its state and key fingerprint. At 本部 (the laptop holding the
// zone's root key): 「制作邀请」, 「吊销」 per laptop and 「更换文件密钥」 (after revoking a lost
// laptop), each after a confirmation; on a laptop still alone: 「加入分区」 with an invitation, the
// same form as on the first run.
import { useState } from 'react';
import type { ZoneStatus } from '../../../domain/sync';
import { call } from '../api/client';
import { formatTime } from '../settings/backup-format';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useConfirmation } from '../shared/use-confirmation';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { EmptyNote } from '../ui/EmptyState';
import { TableHead } from '../ui/TableHead';
import { useSubmit } from '../ui/use-submit';
import { InviteForm } from './InviteForm';
import { JoinZoneForm } from './JoinZoneForm';
import type { ZoneLaptop } from './zone-format';
import { fingerprint, officesInOrder, roleLabel, stateLabel, thisLaptopRole } from './zone-format';
import './zone.css';

interface Props {
  zone: ZoneStatus;
  onChanged: () => void;
}

interface Revoking {
  office: string;
  laptop: ZoneLaptop;
}

export function ZoneCard({ zone, onChanged }: Props) {
  const [inviting, setInviting] = useState(false);
  const [joining, setJoining] = useState(false);
  const acting = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const atHq = zone.kind === 'real' && zone.isRoot;
  const laptops = zone.offices.reduce((n, o) => n + o.laptops.length, 0);

  const revoking = useConfirmation(acting, async (target: Revoking) => {
    await call('zone.revoke', { siteId: target.laptop.siteId });
    setNotice(
      `已吊销${target.office}的电脑 ${target.laptop.siteId.slice(0, 8)}；下次发出同步文件时通知各驻点。电脑丢失或被盗的，请再「更换文件密钥」。`,
    );
    onChanged();
  });

  const rekeying = useConfirmation(acting, async () => {
    const done = await call('zone.rekey');
    setNotice(
      `已更换文件密钥（第 ${done.epoch} 代），已为 ${done.laptops} 台电脑封装新密钥，随本部下次发出的同步文件传到各驻点。` +
        (done.waiting.length
          ? `另有 ${done.waiting.length} 台电脑的应用版本较旧，本部收到它更新后发来的同步文件时自动补发。`
          : ''),
    );
    onChanged();
  });

  const actions = (
    <>
      {atHq && !inviting ? (
        <button
          type="button"
          className="secondary-button small"
          onClick={() => {
            setInviting(true);
            setNotice(null);
          }}
        >
          制作邀请
        </button>
      ) : null}
      {atHq ? (
        <button
          type="button"
          className="secondary-button small"
          onClick={() => {
            setNotice(null);
            rekeying.ask(true);
          }}
        >
          更换文件密钥
        </button>
      ) : null}
      {zone.kind === 'solo' && !joining ? (
        <button type="button" className="secondary-button small" onClick={() => setJoining(true)}>
          加入分区
        </button>
      ) : null}
    </>
  );

  return (
    <Card id="sync-zone" title="分区" className="sync-card zone-card" actions={actions}>
      <dl className="zone-facts">
        <div>
          <dt>名称</dt>
          <dd className="zone-name-line">
            <span className="zone-name" title={zone.name}>
              {zone.name}
            </span>
            {zone.kind === 'real' ? <span className="tag">正式分区</span> : null}
          </dd>
        </div>
        <div>
          <dt>分区编号</dt>
          <dd>
            <code className="zone-id" title={zone.zoneId}>
              {zone.zoneId}
            </code>
          </dd>
        </div>
        <div>
          <dt>本机</dt>
          <dd>{thisLaptopRole(zone)}</dd>
        </div>
        {zone.kind === 'real' ? (
          <div>
            <dt>文件密钥</dt>
            <dd>第 {zone.epoch} 代</dd>
          </div>
        ) : null}
      </dl>
      {zone.kind === 'solo' ? (
        <p className="sync-hint">
          收到本部的邀请文件（.zsinvite）和电话告知的口令后，即可加入分区；本机已录入的数据保留，加入后随同步文件发给其他驻点。未加入分区前，其他驻点不接收本机导出的文件。
        </p>
      ) : null}
      {zone.kind === 'demo' ? (
        <p className="sync-hint">
          演示数据只在本机，不能加入分区，也不能导入正式分区；正式使用前请先点页面底部的「清除演示数据」，再创建或加入分区。
        </p>
      ) : null}
      {zone.kind === 'real' && !zone.isRoot ? (
        <p className="sync-hint">邀请新电脑、吊销丢失的电脑，请联系本部办理。</p>
      ) : null}
      {joining ? (
        <div className="zone-panel">
          <h3 className="zone-panel-title">加入分区</h3>
          <JoinZoneForm
            identity={false}
            inputClass="sync-input"
            onCancel={() => setJoining(false)}
            onJoined={(joined) => {
              setJoining(false);
              setNotice(
                `已加入分区「${joined.zone.name}」${joined.imported ? `；邀请中的数据：${joined.imported.message}` : ''}`,
              );
              onChanged();
            }}
          />
        </div>
      ) : null}
      {inviting ? (
        <div className="zone-panel">
          <h3 className="zone-panel-title">制作邀请</h3>
          <p className="sync-hint">
            为驻点的新电脑（或更换的本部电脑）制作邀请文件，对方在首次使用时选「用邀请加入」。每份邀请用于一台电脑。
          </p>
          <InviteForm zoneName={zone.name} onClose={() => setInviting(false)} />
        </div>
      ) : null}
      {notice ? (
        <p className="sync-result zone-notice" aria-live="polite">
          {notice}
        </p>
      ) : null}
      {revoking.about || rekeying.about ? null : (
        <ErrorText error={acting.error} className="sync-error" />
      )}
      {zone.kind === 'real' ? (
        <>
          <h3 className="zone-panel-title">各驻点的电脑</h3>
          {laptops <= 1 ? (
            <EmptyNote className="sync-empty">
              分区里目前只有本机。驻点的电脑用邀请加入后，本部导入它发来的第一个同步文件时，它会出现在这里。
            </EmptyNote>
          ) : null}
          <div className="sync-scroll">
            <table className="sync-table zone-table" aria-label="各驻点的电脑">
              <TableHead
                columns={[
                  ...['驻点', '站点', '角色', '状态', '公钥指纹', '登记于'],
                  ...(atHq ? ['操作'] : []),
                ]}
              />
              <tbody>
                {officesInOrder(zone).flatMap((o) =>
                  o.laptops.map((l) => (
                    <tr
                      key={l.siteId}
                      className={l.state === 'revoked' ? 'zone-revoked' : undefined}
                    >
                      <td>
                        <span className="sync-ellipsis" title={o.office}>
                          {o.office}
                        </span>
                      </td>
                      <td className="sync-nowrap">
                        <code title={l.siteId}>{l.siteId.slice(0, 8)}</code>
                        {l.thisLaptop ? <span className="tag zone-this">本机</span> : null}
                      </td>
                      <td>{roleLabel(l.role)}</td>
                      <td>
                        <span className={`zone-state zone-state-${l.state}`}>
                          {stateLabel[l.state]}
                        </span>
                        {l.revokedAt ? (
                          <span className="zone-revoked-at">吊销于 {formatTime(l.revokedAt)}</span>
                        ) : null}
                      </td>
                      <td className="sync-nowrap">
                        <code title={`公钥 ${l.publicKey}`}>{fingerprint(l.publicKey)}</code>
                      </td>
                      <td className="sync-nowrap">{formatTime(l.issuedAt)}</td>
                      {atHq ? (
                        <td>
                          {l.state === 'active' && !l.thisLaptop ? (
                            <button
                              type="button"
                              className="link-button danger"
                              aria-label={`吊销${o.office}的电脑 ${l.siteId.slice(0, 8)}`}
                              onClick={() => revoking.ask({ office: o.office, laptop: l })}
                            >
                              吊销……
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {revoking.about ? (
        <ConfirmDialog {...revoking.dialog} title="吊销电脑" verb="吊销">
          <p>
            将吊销<strong>{revoking.about.office}</strong>的电脑{' '}
            <code>{revoking.about.laptop.siteId.slice(0, 8)}</code>（公钥指纹{' '}
            <code>{fingerprint(revoking.about.laptop.publicKey)}</code>
            ）。用于电脑丢失、被盗或不再使用时。
          </p>
          <ul>
            <li>
              本部已收到的它的变更照常保留；此后的变更（包括它已发给其他驻点、本部尚未收到的），本部和各驻点一律拒收。
            </li>
            <li>吊销随本部下次发出的同步文件传到各驻点。</li>
            <li>吊销不能撤销。这台电脑上的人员如继续工作，请为其新电脑另行制作邀请。</li>
          </ul>
        </ConfirmDialog>
      ) : null}
      {rekeying.about ? (
        <ConfirmDialog {...rekeying.dialog} title="更换文件密钥" verb="更换">
          <p>
            为分区生成新的文件密钥（第 {zone.epoch + 1} 代）。用于电脑丢失或被盗、
            <strong>已将其吊销</strong>
            之后：丢失的电脑仍持有现在的密钥，能读取用它加密的同步文件；更换后本部和各驻点发出的文件改用新密钥，它无法读取。
          </p>
          <ul>
            <li>
              新密钥随本部下次发出的同步文件自动传给每台未吊销的电脑，不必另行电话告知；驻点收到后也改用新密钥。
            </li>
            <li>更换前制作的同步文件仍可导入；密封保存的「本部电脑」邀请仍然有效。</li>
            <li>请先吊销丢失的电脑，再更换文件密钥。</li>
          </ul>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
