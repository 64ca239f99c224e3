// Where the window is: a screen from the navigation, or one project or investor page. Any component
// moves the window with `useNavigate()`; the frame (App.tsx) renders the place.
import { createContext, useContext } from 'react';
import type { ScreenKey } from './screens';

export type Place =
  | { screen: ScreenKey }
  /** A project's page; id null is the form for a new project. */
  | { screen: 'project'; id: string | null }
  | { screen: 'investor'; id: string }
  /** 导入 Excel 台账, reached from the 台账. */
  | { screen: 'ledgerImport' }
  /** 目标设置, reached from the 看板; year: the one to open (default: the current year). */
  | { screen: 'targets'; year?: number };

export const NavigationContext = createContext<(place: Place) => void>(() => {});

export function useNavigate(): (place: Place) => void {
  return useContext(NavigationContext);
}
