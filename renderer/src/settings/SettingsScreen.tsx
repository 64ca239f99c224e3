// Placeholder until the screen is built: says what it will do.
import { ComingSoon } from '../shell/ComingSoon';
import { screens } from '../shell/screens';

export function SettingsScreen() {
  return <ComingSoon screen={screens.find((s) => s.key === 'settings')!} />;
}
