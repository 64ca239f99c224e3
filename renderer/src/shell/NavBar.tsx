// The left navigation: the app's name and one button per screen, the current one marked.
import type { ScreenKey } from './screens';
import { screens } from './screens';

interface Props {
  current: ScreenKey;
  onSelect: (screen: ScreenKey) => void;
}

export function NavBar({ current, onSelect }: Props) {
  return (
    <nav className="nav" aria-label="主导航">
      <div className="nav-title">招商项目管理</div>
      <ul className="nav-list">
        {screens.map((screen) => (
          <li key={screen.key}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen.key === current ? 'page' : undefined}
              onClick={() => onSelect(screen.key)}
            >
              {screen.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
