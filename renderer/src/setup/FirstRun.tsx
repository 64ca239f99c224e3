// First run: how this laptop starts (SetupChoice): 本部 creates the zone, an office's laptop joins it
// with an invitation, or the laptop works alone for now (then the choice between demo data and an
// empty ledger follows). app.init creates the database with the dictionaries and the 2021 targets.
import { useState } from 'react';
import { JoinZoneForm } from '../sync/JoinZoneForm';
import type { Joined } from '../sync/JoinZoneForm';
import { CreateZoneForm } from './CreateZoneForm';
import { DemoChoice } from './DemoChoice';
import { SetupChoice } from './SetupChoice';
import type { SetupWay } from './SetupChoice';
import { SoloForm } from './SoloForm';
import { ZoneReady } from './ZoneReady';
import './setup.css';

type Who = { user: string; office: string };

type Step =
  | { step: 'choose' }
  | { step: SetupWay }
  | { step: 'demo'; who: Who }
  | { step: 'created'; who: Who }
  | { step: 'joined'; who: Who; joined: Joined };

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState<Step>({ step: 'choose' });
  // While joining, and once joined, there is no going back to another way.
  const [committed, setCommitted] = useState(false);
  const back = () => setStep({ step: 'choose' });

  return (
    <main className="setup-screen">
      <div className="setup-card">
        <p className="setup-brand">招商项目管理</p>
        {step.step === 'choose' ? <SetupChoice onChoose={(way) => setStep({ step: way })} /> : null}
        {step.step === 'create' || step.step === 'join' || step.step === 'solo' ? (
          <button
            type="button"
            className="link-button setup-back"
            disabled={committed}
            onClick={back}
          >
            ← 返回
          </button>
        ) : null}
        {step.step === 'create' ? (
          <CreateZoneForm
            onCreated={(who) => setStep({ step: 'created', who })}
            onAlreadyDone={onDone}
          />
        ) : null}
        {step.step === 'join' ? (
          <>
            <h1 className="setup-title">驻点：用邀请加入</h1>
            <p className="setup-intro-small">
              选择本部发来的邀请文件，输入本部电话告知的口令，再填写你的姓名和驻点。加入时会导入邀请中的数据。
            </p>
            <JoinZoneForm
              identity
              inputClass="input large"
              onAlreadyDone={onDone}
              onCommitted={setCommitted}
              onJoined={(joined) =>
                setStep({
                  step: 'joined',
                  who: { user: joined.status?.user ?? '', office: joined.status?.office ?? '' },
                  joined,
                })
              }
            />
          </>
        ) : null}
        {step.step === 'solo' ? (
          <SoloForm onCreated={(who) => setStep({ step: 'demo', who })} onAlreadyDone={onDone} />
        ) : null}
        {step.step === 'demo' ? (
          <DemoChoice user={step.who.user} office={step.who.office} onDone={onDone} />
        ) : null}
        {step.step === 'created' ? (
          <ZoneReady way="create" user={step.who.user} office={step.who.office} onDone={onDone} />
        ) : null}
        {step.step === 'joined' ? (
          <ZoneReady
            way="join"
            user={step.who.user}
            office={step.who.office}
            zone={step.joined.zone}
            imported={step.joined.imported}
            onDone={onDone}
          />
        ) : null}
      </div>
    </main>
  );
}
