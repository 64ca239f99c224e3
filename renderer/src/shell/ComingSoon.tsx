// Placeholder for a screen that is not built yet: says so, and what it will do.
import type { Screen } from './screens';

export function ComingSoon({ screen }: { screen: Screen }) {
  return (
    <section className="coming-soon" aria-labelledby="coming-soon-title">
      <h1 id="coming-soon-title">{screen.label}</h1>
      <p className="coming-soon-badge">即将推出</p>
      <p>{screen.purpose}</p>
    </section>
  );
}
