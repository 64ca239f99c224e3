// 展会速记: on the left the capture form, typed entry after entry at the stand; on the right the
// triage list that turns the captures into projects afterwards.
import { useState } from 'react';
import { CaptureForm } from './CaptureForm';
import { TriagePanel } from './TriagePanel';
import type { CaptureFilter } from './use-captures';
import { useCaptures } from './use-captures';
import { useFairEdition } from './use-fair-edition';
import { ScreenTitle } from '../ui/ScreenTitle';
import './fair-notes.css';

export function FairNotesScreen() {
  const fair = useFairEdition();
  const [filter, setFilter] = useState<CaptureFilter>('new');
  const captures = useCaptures(filter, fair.current);

  return (
    <section className="fair-screen" aria-labelledby="fair-title">
      <ScreenTitle id="fair-title">展会速记</ScreenTitle>
      <div className="fair-layout">
        <CaptureForm fair={fair} count={captures.count} onSaved={captures.reload} />
        <TriagePanel captures={captures} filter={filter} onFilterChange={setFilter} />
      </div>
    </section>
  );
}
