import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, expect } from 'vitest';
import { setupI18n } from '../lib/i18n';

// Svelte warns at run time about reads that may give stale values (a derived of a
// destroyed component, say): in a test, such a warning fails the test it shows up in.
const svelteWarnings: string[] = [];
const consoleWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (String(args[0]).includes('[svelte]')) svelteWarnings.push(String(args[0]));
  consoleWarn(...args);
};

beforeEach(() => {
  localStorage.clear();
  setupI18n('vi');
});

afterEach(() => {
  const seen = svelteWarnings.splice(0);
  expect(seen, 'Svelte run-time warnings').toEqual([]);
});
