// Renderer entry: mounts the app into #root.
// zod's settings first, before any module builds a schema (see zod-setup.ts).
import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetch } from './api/prefetch';
import { firstLedgerPage } from './ledger/use-ledger-pages';
import './styles.css';

// The 台账 opens first: ask for its first page while the page is still mounting.
prefetch('ledger.query', firstLedgerPage);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
