// The project form: the name, our 项目编号 and the national 项目代码 on top, then the sections as
// cards in two columns — 投资方, 金额, 阶段与里程碑, 产业/平台/招商方式 — and 存在问题/下一步 across
// the bottom.
import type { Dictionaries } from '../../../domain/contract';
import { AmountSection } from './AmountSection';
import { ChannelSection } from './ChannelSection';
import type { FormBinding } from './FormFields';
import { AreaField, TextField } from './FormFields';
import { InvestorSection } from './InvestorSection';
import { MilestoneSection } from './MilestoneSection';
import type { DraftClass } from './project-class';
import type { InvestmentRate } from './use-investment-rate';

interface Props {
  form: FormBinding;
  klass: DraftClass;
  rate: InvestmentRate;
  rateYear: number;
  dictionaries: Dictionaries;
  onSubmit: () => void;
}

export function ProjectForm({ form, klass, rate, rateYear, dictionaries, onSubmit }: Props) {
  return (
    <form
      className="project-form"
      aria-label="项目信息"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <section className="form-card wide">
        <div className="field-grid name-grid">
          <TextField
            name="name"
            label="项目名称"
            form={form}
            placeholder="如 西门子高端装备华东生产基地项目"
          />
          <TextField
            name="code"
            label="项目编号"
            form={form}
            maxLength={40}
            placeholder="保存时自动生成"
          />
          <TextField
            name="projectCode"
            label="项目代码"
            form={form}
            maxLength={40}
            placeholder="在线审批监管平台赋予的 24 位代码，如 2020-451421-88-03-016343"
          />
        </div>
      </section>
      <InvestorSection form={form} />
      <AmountSection form={form} klass={klass} rate={rate} rateYear={rateYear} />
      <MilestoneSection form={form} />
      <ChannelSection form={form} dictionaries={dictionaries} />
      <section className="form-card wide">
        <h2 id="section-notes">存在问题/下一步</h2>
        <div className="field-grid">
          <AreaField
            name="problems"
            label="存在问题"
            form={form}
            placeholder="如 用地指标尚未落实、环评待批复"
          />
          <AreaField
            name="nextSteps"
            label="下一步工作"
            form={form}
            placeholder="如 6 月底前赴总部拜访，敲定投资协议文本"
          />
        </div>
      </section>
    </form>
  );
}
