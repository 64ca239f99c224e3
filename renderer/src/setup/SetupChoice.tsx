// The first run's first question: how this laptop starts. 本部's first laptop creates the zone; an
// office's laptop joins it with the invitation 本部 made; or the laptop works alone for now and
// joins later from 同步.
import { useId } from 'react';

export type SetupWay = 'create' | 'join' | 'solo';

const ways: { way: SetupWay; title: string; text: string }[] = [
  {
    way: 'create',
    title: '本部：创建分区',
    text: '本部的第一台电脑。建立全区共用的分区，之后在「同步」页为各驻点的电脑制作邀请。',
  },
  {
    way: 'join',
    title: '驻点：用邀请加入',
    text: '已收到本部的邀请文件（.zsinvite）和电话告知的口令。加入时一并导入分区的数据。',
  },
  {
    way: 'solo',
    title: '暂不加入，单机使用',
    text: '先在本机录入或试用；以后收到邀请，可在「同步」页加入分区。',
  },
];

export function SetupChoice({ onChoose }: { onChoose: (way: SetupWay) => void }) {
  const id = useId();
  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title" className="setup-title">
        欢迎使用
      </h1>
      <p className="setup-intro">
        这是驻点招商人员的项目台账：项目、投资方、跟进和展会线索都保存在这台电脑上，不联网也能用，各驻点之间用数据文件同步。
      </p>
      <p className="setup-intro-small">
        本部和各驻点的电脑组成一个「分区」，只有同一分区的电脑能互相导入同步文件。这台电脑怎样开始？
      </p>
      <div className="setup-ways" role="group" aria-label="开始方式">
        {ways.map((w) => (
          <button
            key={w.way}
            type="button"
            className="setup-way"
            aria-labelledby={`${id}-${w.way}`}
            aria-describedby={`${id}-${w.way}-text`}
            onClick={() => onChoose(w.way)}
          >
            <strong id={`${id}-${w.way}`}>{w.title}</strong>
            <span id={`${id}-${w.way}-text`}>{w.text}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
