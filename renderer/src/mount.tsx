// Mounts the app into #root. The start-up screens build no zod schema; the screens that do load
// on demand, after zod's settings (App.tsx, onDemand).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/base.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
