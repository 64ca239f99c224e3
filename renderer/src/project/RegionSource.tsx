// Where the project's 来源地区 comes from (issue 17): its investor group's ultimate parent's HQ, or
// the project's own 国别/地区 as an explicit override, flagged when it differs from the group's.
import type { ProjectRecord } from '../../../domain/project-input';

export function RegionSource({ record }: { record: ProjectRecord }) {
  const group = record.groupCountryName
    ? `${record.groupParent ? `最终母公司「${record.groupParent}」` : '投资方'}总部：${record.groupCountryName}`
    : null;
  switch (record.regionSource) {
    case 'group':
      return <p className="region-source">来源地区按{group}</p>;
    case 'override':
      return (
        <p className={record.regionMismatch ? 'region-source mismatch' : 'region-source'}>
          来源地区按项目自填国别/地区「{record.countryName ?? record.country}」（覆盖集团总部）
          {record.regionMismatch ? (
            <strong role="note">；与{group}不一致，请核对</strong>
          ) : group ? (
            `；${group}`
          ) : null}
        </p>
      );
    case 'domestic':
      return <p className="region-source">来源地区按内资（省份或资本类别）；投资方未填总部国别</p>;
    default:
      return null;
  }
}
