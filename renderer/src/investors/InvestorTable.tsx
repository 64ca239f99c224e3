// The investor list: names (cut with … and shown whole as a tooltip), flags as tags, headquarters
// country, 所在地 (province and city) and the number of projects; a click opens the investor's page.
import type { InvestorRecord } from '../../../domain/entities';
import { useNavigate } from '../shell/navigation';
import { countryName, locationText } from './investor-labels';
import { InvestorFlagTags } from './InvestorFlagTags';
import { NameCell } from './NameCell';
import { Clip } from '../ui/Clip';
import { DataTable } from '../ui/DataTable';

const head = {
  label: '投资方列表',
  columns: [
    { label: '中文名称', col: 'investors-col-name' },
    { label: '英文名称', col: 'investors-col-en' },
    { label: '简称/别名', col: 'investors-col-aliases' },
    { label: '标签', col: 'investors-col-flags' },
    { label: '总部', col: 'investors-col-country' },
    { label: '所在地', col: 'investors-col-location' },
    { label: '项目数', className: 'investors-num', col: 'investors-col-count' },
  ],
};

export function InvestorTable({ items }: { items: InvestorRecord[] }) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ screen: 'investor', id });
  return (
    <DataTable className="investors-table" head={head}>
      {items.map((inv) => (
        <tr key={inv.id} onClick={() => open(inv.id)}>
          <NameCell name={inv.nameZh} onOpen={() => open(inv.id)} />
          <td>
            <Clip text={inv.nameEn} />
          </td>
          <td>
            <Clip text={inv.aliases.join('、')} />
          </td>
          <td>
            <InvestorFlagTags investor={inv} />
          </td>
          <td>
            <Clip text={countryName(inv.hqCountry)} />
          </td>
          <td>
            <Clip text={locationText(inv)} />
          </td>
          <td className="investors-num">{inv.projectCount}</td>
        </tr>
      ))}
    </DataTable>
  );
}
