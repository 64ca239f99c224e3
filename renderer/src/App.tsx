// The window's frame: navigation on the left, the current screen, the status line at the bottom.
import { useState } from 'react';
import { LedgerScreen } from './ledger/LedgerScreen';
import { ComingSoon } from './shell/ComingSoon';
import { NavBar } from './shell/NavBar';
import type { ScreenKey } from './shell/screens';
import { screens } from './shell/screens';
import { StatusLine } from './shell/StatusLine';
import { useAppStatus } from './shell/use-app-status';

export function App() {
  // 台账 is the working screen until 看板 exists.
  const [current, setCurrent] = useState<ScreenKey>('ledger');
  const app = useAppStatus();
  const screen = screens.find((s) => s.key === current) ?? screens[0];

  return (
    <div className="app">
      <NavBar current={current} onSelect={setCurrent} />
      <main className="app-main">
        {current === 'ledger' || !screen ? <LedgerScreen /> : <ComingSoon screen={screen} />}
      </main>
      <StatusLine app={app} />
    </div>
  );
}
