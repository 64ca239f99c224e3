// The window's frame: navigation on the left, the current place, the status line at the bottom.
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { prefetch } from './api/prefetch';
import { dashboardInput, firstDashboardQuery } from './dashboard/dashboard-input';
import { LedgerScreen } from './ledger/LedgerScreen';
import { useCtrlShortcut } from './project/use-shortcut';
import { visitKey } from './project/visit-key';
import { SearchPalette } from './search/SearchPalette';
import { UndoBar } from './shared/UndoBar';
import { LeaveGuardScope, useGuardedNavigation } from './shell/leave-guard';
import { NavBar } from './shell/NavBar';
import { preloadable } from './shell/preloadable';
import type { Place } from './shell/navigation';
import type { ScreenKey } from './shell/screens';
import { StatusLine } from './shell/StatusLine';
import { useAppStatus } from './shell/use-app-status';
import './shell/shell.css';

/**
 * A component whose code loads on first use. Only the frame and the 台账 are in the start-up
 * bundle; every other screen (the 看板 with ECharts, forms with their schemas) follows on demand.
 */
function onDemand<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    await zodSettings(); // before any of the screen's modules builds a schema
    return { default: await load() };
  });
}

/**
 * zod's settings, loaded with the first screen that needs them: requested at start-up, zod's code
 * was parsed and run while the 台账 rendered its first rows, which need none of it.
 */
let zodLoaded: Promise<unknown> | undefined;
const zodSettings = () => (zodLoaded ??= import('./zod-setup'));

// The 看板 loads ahead, when the window is first idle after start, and asks for its first figures
// then, which readies the database's statements for them. The first visit asks again on the click
// that opens it (unless that answer is still fresh), while the frame swaps screens.
const dashboard = preloadable(
  () =>
    zodSettings().then(() => import('./dashboard/DashboardScreen').then((m) => m.DashboardScreen)),
  () => askFirstDashboard(),
);
let firstDashboardAsked = false;
function askFirstDashboard() {
  if (firstDashboardAsked) return;
  firstDashboardAsked = true;
  prefetchFirstDashboard();
}
const prefetchFirstDashboard = () =>
  prefetch('dashboard.get', dashboardInput(firstDashboardQuery()));
const DashboardScreen = dashboard.Screen;
const TargetsScreen = onDemand(() =>
  import('./targets/TargetsScreen').then((m) => m.TargetsScreen),
);
const SyncScreen = onDemand(() => import('./sync/SyncScreen').then((m) => m.SyncScreen));
const FollowupsScreen = onDemand(() =>
  import('./followups/FollowupsScreen').then((m) => m.FollowupsScreen),
);
const InvestorsScreen = onDemand(() =>
  import('./investors/InvestorsScreen').then((m) => m.InvestorsScreen),
);
const InvestorPage = onDemand(() => import('./investors/InvestorPage').then((m) => m.InvestorPage));
const FairNotesScreen = onDemand(() =>
  import('./fair-notes/FairNotesScreen').then((m) => m.FairNotesScreen),
);
const SettingsScreen = onDemand(() =>
  import('./settings/SettingsScreen').then((m) => m.SettingsScreen),
);
const ProjectPage = onDemand(() => import('./project/ProjectPage').then((m) => m.ProjectPage));
const LedgerImportScreen = onDemand(() =>
  import('./excel/LedgerImportScreen').then((m) => m.LedgerImportScreen),
);
const SuspectsScreen = onDemand(() =>
  import('./suspects/SuspectsScreen').then((m) => m.SuspectsScreen),
);
const ArbitrationScreen = onDemand(() =>
  import('./claims/ArbitrationScreen').then((m) => m.ArbitrationScreen),
);
const FirstRun = onDemand(() => import('./setup/FirstRun').then((m) => m.FirstRun));

export function App() {
  // The 台账 opens first: it is where promoters spend their day.
  const [place, setPlace] = useState<Place>({ screen: 'ledger' });
  const app = useAppStatus();
  const started = app.state === 'ready' && app.status.initialized;
  // Once the first screen is up and the window idle, the 看板's code loads ahead of a first visit.
  useEffect(() => {
    if (!started) return;
    const idle = requestIdleCallback(() => {
      // A failure here is met again, and shown, on the first visit.
      void dashboard
        .preload()
        .then(() => import('./dashboard/echarts-setup'))
        .catch(() => undefined);
      prefetchFirstDashboard();
    });
    return () => cancelIdleCallback(idle);
  }, [started]);
  // Every move asks a screen with unsaved edits first.
  const guarded = useGuardedNavigation(setPlace);
  // Ctrl+N: a new project from anywhere.
  useCtrlShortcut('n', () => guarded.navigate({ screen: 'project', id: null }));
  const navScreen: ScreenKey =
    place.screen === 'project' || place.screen === 'ledgerImport'
      ? 'ledger'
      : place.screen === 'investor' || place.screen === 'suspects'
        ? 'investors'
        : place.screen === 'targets'
          ? 'dashboard'
          : place.screen === 'arbitration'
            ? 'sync'
            : place.screen;

  // Until app.status answers, nothing: no screen may query a database that is not set up yet.
  if (app.state === 'loading') return null;
  if (app.state === 'ready' && !app.status.initialized) {
    return (
      <Suspense fallback={null}>
        <FirstRun
          onDone={() => {
            setPlace({ screen: 'ledger' });
            app.refresh();
          }}
        />
      </Suspense>
    );
  }

  return (
    <LeaveGuardScope guarded={guarded}>
      <div className="app">
        <NavBar
          current={navScreen}
          onSelect={(screen) => {
            if (screen === 'dashboard') askFirstDashboard();
            guarded.navigate({ screen });
          }}
        />
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
        <UndoBar />
      </div>
    </LeaveGuardScope>
  );
}

/** The places that are a screen and nothing more. */
type PlainPlace = Exclude<Place['screen'], 'targets' | 'investor' | 'project'>;
const plainScreens: Record<PlainPlace, ComponentType> = {
  dashboard: DashboardScreen,
  ledger: LedgerScreen,
  ledgerImport: LedgerImportScreen,
  suspects: SuspectsScreen,
  arbitration: ArbitrationScreen,
  followups: FollowupsScreen,
  investors: InvestorsScreen,
  fairNotes: FairNotesScreen,
  sync: SyncScreen,
  settings: SettingsScreen,
};

function Current({ place }: { place: Place }) {
  switch (place.screen) {
    case 'targets':
      return <TargetsScreen initialYear={place.year} />;
    case 'investor':
      return <InvestorPage id={place.id} />;
    case 'project':
      // Each visit starts afresh, even to the same project or a second new one.
      return <ProjectPage key={visitKey(place)} id={place.id} tab={place.tab} />;
    default: {
      const Screen = plainScreens[place.screen];
      return <Screen />;
    }
  }
}
