// The investor list: names (cut with … and shown whole as a tooltip), flags as tags, headquarters
// country and the number of projects; a click opens the investor's page.
import type { InvestorRecord } from '../../../domain/entities';
import { useNavigate } from '../shell/navigation';
import { countryName } from './investor-labels';
import { InvestorFlagTags } from './InvestorFlagTags';
import { TableHead } from '../ui/TableHead';

export function InvestorTable({ items }: { items: InvestorRecord[] }) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ screen: 'investor', id });
  return (
    <table className="investors-table" aria-label="投资方列表">
      <colgroup>
        <col className="investors-col-name" />
        <col className="investors-col-en" />
        <col className="investors-col-aliases" />
        <col className="investors-col-flags" />
        <col className="investors-col-country" />
        <col className="investors-col-count" />
      </colgroup>
      <TableHead
        columns={[
          '中文名称',
          '英文名称',
          '简称/别名',
          '标签',
          '总部',
          { label: '项目数', className: 'investors-num' },
        ]}
      />
      <tbody>
        {items.map((inv) => {
          const aliases = inv.aliases.join('、');
          const country = countryName(inv.hqCountry);
          return (
            <tr key={inv.id} onClick={() => open(inv.id)}>
              <td>
                <button
                  type="button"
                  className="link-button investors-link ellipsis"
                  title={inv.nameZh}
                  onClick={(e) => {
                    e.stopPropagation();
                    open(inv.id);
                  }}
                >
                  {inv.nameZh}
                </button>
              </td>
              <td>
                <span className="ellipsis" title={inv.nameEn ?? undefined}>
                  {inv.nameEn}
                </span>
              </td>
              <td>
                <span className="ellipsis" title={aliases || undefined}>
                  {aliases}
                </span>
              </td>
              <td>
                <InvestorFlagTags investor={inv} />
              </td>
              <td>
                <span className="ellipsis" title={country ?? undefined}>
                  {country}
                </span>
              </td>
              <td className="investors-num">{inv.projectCount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
