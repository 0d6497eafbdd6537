import type { BackendError, SiteSettings } from '../../backend/backend';

export type SettingKey = keyof SiteSettings;

const KEYS: readonly SettingKey[] = [
  'name',
  'unit',
  'description',
  'address',
  'phone',
  'email',
  'base_url',
  'documents_category',
  'media_widths',
];

/**
 * The field a refused save names: the server words it `base_url: must start with…`, and
 * the dialog shows the error at that field. null for any other failure (a full disk, a
 * message that names no setting), which belongs in the error banner instead.
 */
export function fieldError(error: BackendError): { key: SettingKey; reason: string } | null {
  if (error.code !== 'invalid_input') return null;
  const match = /^([a-z_]+):\s*([\s\S]*)$/.exec(error.message);
  if (!match) return null;
  const key = match[1] as SettingKey;
  return KEYS.includes(key) ? { key, reason: match[2] } : null;
}
