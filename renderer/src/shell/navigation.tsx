// Where the window is: a screen from the navigation, or one project or investor page. Any component
// moves the window with `useNavigate()`; the frame (App.tsx) renders the place.
import { createContext, useContext } from 'react';
import type { TabKey } from '../project/ProjectTabs';
import type { ScreenKey } from './screens';

export type Place =
  | { screen: ScreenKey }
  /** A project's page; id null is the form for a new project; tab: the one to open (项目信息). */
  | { screen: 'project'; id: string | null; tab?: TabKey }
  | { screen: 'investor'; id: string }
  /** 导入 Excel 台账, reached from the 台账. */
  | { screen: 'ledgerImport' }
  /** 疑似重复, reached from the 投资方 screen and from an import's report on 同步. */
  | { screen: 'suspects' }
  /** 首报首谈认定 (本部's arbitration between offices), reached from 同步 and the 首报首谈 sections. */
  | { screen: 'arbitration' }
  /** 目标设置, reached from the 看板; year: the one to open (default: the current year). */
  | { screen: 'targets'; year?: number };

export interface NavigateOptions {
  /** The user already chose to drop the screen's unsaved edits: go without asking. */
  discard?: boolean;
}

export type Navigate = (place: Place, options?: NavigateOptions) => void;

/** Every move asks the screen's leave guard first (shell/leave-guard.tsx). */
export const NavigationContext = createContext<Navigate>(() => {});

export function useNavigate(): Navigate {
  return useContext(NavigationContext);
}
