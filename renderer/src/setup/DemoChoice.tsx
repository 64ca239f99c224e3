// After app.init on a laptop working alone: try the app with generated demo projects (which make it
// a demo database that never joins a zone), or start with an empty ledger.
import { DEMO_PROJECTS, loadDemoData } from '../shared/demo-data';
import { ErrorText } from '../ui/Alert';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';

interface Props {
  user: string;
  office: string;
  onDone: () => void;
}

export function DemoChoice({ user, office, onDone }: Props) {
  const submit = useSubmit();
  const loadDemo = () =>
    void submit.run(
      async () => {
        await loadDemoData();
        onDone();
      },
      { keepBusy: true },
    );

  return (
    <section aria-labelledby="setup-demo-title">
      <h1 id="setup-demo-title" className="setup-title">
        数据库已建好
      </h1>
      <p className="setup-intro">
        {user}（{office}），你好。要先用演示数据看看各个页面，还是直接从空白台账开始录入？
      </p>
      <div className="setup-choices">
        <button type="button" className="primary-button" disabled={submit.busy} onClick={loadDemo}>
          {submit.busy
            ? '正在生成演示数据……'
            : `加载演示数据试用（${DEMO_PROJECTS.toLocaleString('zh-CN')} 个项目）`}
        </button>
        <button type="button" className="secondary-button" disabled={submit.busy} onClick={onDone}>
          从空白台账开始
        </button>
      </div>
      {submit.busy ? <ProgressBar label="正在生成演示数据……" /> : null}
      <p className="setup-intro-small">
        演示项目均为虚构，加载后会留在本机台账里，本机随之成为演示库：不能再加入分区，也不与其他驻点同步。准备正式录入项目的话，请选择空白台账。
      </p>
      <ErrorText error={submit.error} className="setup-error" />
    </section>
  );
}
