// The Electronegativity gate's verdict: HIGH/MEDIUM findings fail unless allowlisted (by check, file
// and flagged text), a few checks fail at any severity, and allowlist entries must still match.
import { describe, expect, it } from 'vitest';
import type { AllowedFinding, Finding } from '../../build/electronegativity-gate';
import { allowlist, judge } from '../../build/electronegativity-gate';

function finding(overrides: Partial<Finding>): Finding {
  return {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main.ts',
    sample: 'const window = new BrowserWindow(',
    line: 49,
    severity: 'HIGH',
    confidence: 'FIRM',
    description: 'Review the use of the contextIsolation option',
    ...overrides,
  };
}

const entries: AllowedFinding[] = [
  { id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main.ts', sample: 'new BrowserWindow(', reason: 'r' },
  { id: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'r' },
];

describe('judge', () => {
  it('passes allowlisted findings, wherever the line moved', () => {
    const verdict = judge(
      [finding({ line: 12 }), finding({ id: 'CSP_GLOBAL_CHECK', file: 'N/A', sample: undefined })],
      entries,
    );
    expect(verdict.failing).toEqual([]);
    expect(verdict.allowed).toHaveLength(2);
    expect(verdict.unusedEntries).toEqual([]);
  });

  it('fails the same check in another file or on another line of code', () => {
    const elsewhere = finding({ file: 'other-window.ts' });
    const literal = finding({ sample: 'new BrowserView({ contextIsolation: false })' });
    const verdict = judge([elsewhere, literal, finding({})], entries);
    expect(verdict.failing).toEqual([elsewhere, literal]);
  });

  it('fails HIGH and MEDIUM findings, and prints LOW and INFORMATIONAL ones', () => {
    const medium = finding({ id: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM' });
    const low = finding({ id: 'PRELOAD_JS_CHECK', severity: 'LOW' });
    const info = finding({ id: 'CSP_JS_CHECK', severity: 'INFORMATIONAL' });
    const verdict = judge([medium, low, info], entries);
    expect(verdict.failing).toEqual([medium]);
    expect(verdict.informational).toEqual([low, info]);
  });

  it('fails a severity it does not know, even for an allowlisted check elsewhere', () => {
    const unknown = finding({ id: 'OPEN_EXTERNAL_JS_CHECK', severity: 'CRITICAL' });
    expect(judge([unknown], entries).failing).toEqual([unknown]);
  });

  it('fails an explicit nodeIntegration, which Electronegativity rates INFORMATIONAL', () => {
    const node = finding({ id: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL' });
    expect(judge([node], entries).failing).toEqual([node]);
  });

  it('reports allowlist entries that match nothing any more', () => {
    expect(judge([], entries).unusedEntries).toEqual(entries);
  });

  it('gives every real allowlist entry a reason, and global checks no file', () => {
    for (const entry of allowlist) {
      expect(entry.reason.length, entry.id).toBeGreaterThan(20);
      expect(entry.reason, entry.id).not.toMatch(/\n/);
      expect(entry.id).toMatch(/^[A-Z_]+_CHECK$/);
      if (entry.id.includes('GLOBAL')) expect(entry.file).toBe('N/A');
      else expect(entry.sample, entry.id).toBeTruthy();
    }
  });
});
