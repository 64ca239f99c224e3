// The window's frame: navigation on the left, the current place, the status line at the bottom.
import { useState } from 'react';
import { FairNotesScreen } from './fair-notes/FairNotesScreen';
import { FollowupsScreen } from './followups/FollowupsScreen';
import { InvestorPage } from './investors/InvestorPage';
import { InvestorsScreen } from './investors/InvestorsScreen';
import { LedgerScreen } from './ledger/LedgerScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { ComingSoon } from './shell/ComingSoon';
import { NavBar } from './shell/NavBar';
import type { Place } from './shell/navigation';
import { NavigationContext } from './shell/navigation';
import type { ScreenKey } from './shell/screens';
import { screens } from './shell/screens';
import { StatusLine } from './shell/StatusLine';
import { useAppStatus } from './shell/use-app-status';

export function App() {
  // 台账 is the working screen until 看板 exists.
  const [place, setPlace] = useState<Place>({ screen: 'ledger' });
  const app = useAppStatus();
  const navScreen: ScreenKey =
    place.screen === 'project'
      ? 'ledger'
      : place.screen === 'investor'
        ? 'investors'
        : place.screen;

  return (
    <NavigationContext.Provider value={setPlace}>
      <div className="app">
        <NavBar current={navScreen} onSelect={(screen) => setPlace({ screen })} />
        <main className="app-main">
          <Current place={place} />
        </main>
        <StatusLine app={app} />
      </div>
    </NavigationContext.Provider>
  );
}

function Current({ place }: { place: Place }) {
  switch (place.screen) {
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
    case 'settings':
      return <SettingsScreen />;
    case 'project':
      // The project page is being built in renderer/src/project/.
      return <ComingSoon screen={screens.find((s) => s.key === 'ledger')!} />;
    default:
      return <ComingSoon screen={screens.find((s) => s.key === place.screen)!} />;
  }
}
