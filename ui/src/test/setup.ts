import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { setupI18n } from '../lib/i18n';

beforeEach(() => {
  localStorage.clear();
  setupI18n('vi');
});
