// The window's frame: navigation on the left, the current place, the status line at the bottom.
import { Suspense, lazy, useState } from 'react';
import { FairNotesScreen } from './fair-notes/FairNotesScreen';
import { FollowupsScreen } from './followups/FollowupsScreen';
import { InvestorPage } from './investors/InvestorPage';
import { InvestorsScreen } from './investors/InvestorsScreen';
import { LedgerScreen } from './ledger/LedgerScreen';
import { ProjectPage } from './project/ProjectPage';
import { useCtrlShortcut } from './project/use-shortcut';
import { visitKey } from './project/visit-key';
import { SearchPalette } from './search/SearchPalette';
import { FirstRun } from './setup/FirstRun';
import { SettingsScreen } from './settings/SettingsScreen';
import { NavBar } from './shell/NavBar';
import type { Place } from './shell/navigation';
import { NavigationContext } from './shell/navigation';
import type { ScreenKey } from './shell/screens';
import { StatusLine } from './shell/StatusLine';
import { useAppStatus } from './shell/use-app-status';

// The 看板 and 目标设置 (and ECharts with them) load on first visit, so the 台账 opens quickly.
const DashboardScreen = lazy(() =>
  import('./dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })),
);
const TargetsScreen = lazy(() =>
  import('./targets/TargetsScreen').then((m) => ({ default: m.TargetsScreen })),
);
const SyncScreen = lazy(() => import('./sync/SyncScreen').then((m) => ({ default: m.SyncScreen })));

export function App() {
  // The 台账 opens first: it is where promoters spend their day.
  const [place, setPlace] = useState<Place>({ screen: 'ledger' });
  const app = useAppStatus();
  // Ctrl+N: a new project from anywhere.
  useCtrlShortcut('n', () => setPlace({ screen: 'project', id: null }));
  const navScreen: ScreenKey =
    place.screen === 'project'
      ? 'ledger'
      : place.screen === 'investor'
        ? 'investors'
        : place.screen === 'targets'
          ? 'dashboard'
          : place.screen;

  // Until app.status answers, nothing: no screen may query a database that is not set up yet.
  if (app.state === 'loading') return null;
  if (app.state === 'ready' && !app.status.initialized) {
    return (
      <FirstRun
        onDone={() => {
          setPlace({ screen: 'ledger' });
          app.refresh();
        }}
      />
    );
  }

  return (
    <NavigationContext.Provider value={setPlace}>
      <div className="app">
        <NavBar current={navScreen} onSelect={(screen) => setPlace({ screen })} />
        <main className="app-main">
          <Suspense
            fallback={
              <p className="screen-loading" role="status">
                正在加载…
              </p>
            }
          >
            <Current place={place} />
          </Suspense>
        </main>
        <StatusLine app={app} />
        <SearchPalette />
      </div>
    </NavigationContext.Provider>
  );
}

function Current({ place }: { place: Place }) {
  switch (place.screen) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'targets':
      return <TargetsScreen initialYear={place.year} />;
    case 'ledger':
      return <LedgerScreen />;
    case 'followups':
      return <FollowupsScreen />;
    case 'investors':
      return <InvestorsScreen />;
    case 'investor':
      return <InvestorPage id={place.id} />;
    case 'fairNotes':
      return <FairNotesScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'project':
      // Each visit starts afresh, even to the same project or a second new one.
      return <ProjectPage key={visitKey(place)} id={place.id} />;
  }
}
