// The demo projects offered on an empty 台账 and after the first run: how many, and the call that
// generates them (the same seed, so every demo database is the same).
import { call } from '../api/client';

export const DEMO_PROJECTS = 1000;

export function loadDemoData(): Promise<unknown> {
  return call('app.demo', { projects: DEMO_PROJECTS, seed: 1 });
}
