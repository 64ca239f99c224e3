// First run: who uses this copy and for which office (app.init creates the database with the
// dictionaries and the 2021 targets), then a choice between demo data and an empty ledger.
import { useState } from 'react';
import { DemoChoice } from './DemoChoice';
import { SetupForm } from './SetupForm';

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [created, setCreated] = useState<{ user: string; office: string } | null>(null);

  return (
    <main className="setup-screen">
      <div className="setup-card">
        <p className="setup-brand">招商项目管理</p>
        {created === null ? (
          <SetupForm onCreated={setCreated} onAlreadyDone={onDone} />
        ) : (
          <DemoChoice user={created.user} office={created.office} onDone={onDone} />
        )}
      </div>
    </main>
  );
}
