import { describe, expect, it } from 'vitest';
import { BackendError } from '../../backend/backend';
import { fieldError } from './fieldError';

describe('fieldError', () => {
  it('finds the setting a refusal names', () => {
    expect(
      fieldError(
        new BackendError('invalid_input', 'base_url: must start with https:// or http://'),
      ),
    ).toEqual({ key: 'base_url', reason: 'must start with https:// or http://' });
    expect(
      fieldError(
        new BackendError(
          'invalid_input',
          'media_widths: must be widths between 16 and 8192, separated by commas',
        ),
      )?.key,
    ).toBe('media_widths');
  });

  it('leaves other failures to the banner', () => {
    expect(fieldError(new BackendError('disk_full', 'name: no space'))).toBeNull();
    expect(fieldError(new BackendError('invalid_input', 'title: must not be empty'))).toBeNull();
    expect(fieldError(new BackendError('invalid_input', 'something went wrong'))).toBeNull();
  });
});
