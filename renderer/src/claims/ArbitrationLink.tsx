// 首报首谈认定 on 同步: how many subjects two offices both claim, and the way to the list (files
// from other offices are what bring new disputes). `after`: read again when it changes.
import { call } from '../api/client';
import { Card } from '../ui/Card';
import { GoButton } from '../ui/GoButton';
import { useLoad } from '../ui/use-load';

export function ArbitrationLink({ after }: { after: unknown }) {
  const cases = useLoad(() => call('claim.arbitration', undefined), [after]);
  const count = cases.data?.length ?? null;
  return (
    <Card id="arbitration-link" title="首报首谈认定" className="sync-card">
      <p className="sync-note">
        {count === null
          ? cases.error
            ? `读取失败：${cases.error}`
            : '正在读取……'
          : count === 0
            ? '没有待认定的争议：各投资方和项目的首报首谈都只有一个驻点登记，或已由本部认定。'
            : `${count} 个投资方或项目有两个以上驻点登记了首报首谈，待本部认定。`}
      </p>
      <GoButton className="secondary-button" to={{ screen: 'arbitration' }}>
        打开认定列表
      </GoButton>
    </Card>
  );
}
