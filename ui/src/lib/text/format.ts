// 'vi' is shown the Vietnamese way; English users here still read day-first dates,
// so en-GB rather than en-US.
export function intlLocale(locale: string | null | undefined): string {
  return locale?.startsWith('en') ? 'en-GB' : 'vi-VN';
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

// Built from parts so the output is always dd/mm/yyyy, whatever separator the ICU data
// on the user's machine prefers.
export function formatDate(iso: string, locale?: string | null, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone,
  }).formatToParts(d);
  return `${part(parts, 'day')}/${part(parts, 'month')}/${part(parts, 'year')}`;
}

export function formatTime(
  d: Date,
  locale?: string | null,
  timeZone?: string,
  withSeconds = false,
): string {
  const parts = new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(d);
  const hm = `${part(parts, 'hour')}:${part(parts, 'minute')}`;
  return withSeconds ? `${hm}:${part(parts, 'second')}` : hm;
}

export function formatNumber(n: number, locale?: string | null): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/**
 * `2026-11` → its parts for a month label: the year, the month number and the month's
 * name in the UI language ("November" in English). Null for anything else.
 */
export function monthParts(
  month: string,
  locale?: string | null,
): { year: string; month: number; monthName: string } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const n = Number(m[2]);
  // Mid-month at noon UTC, so the name is right whatever the machine's time zone.
  const date = new Date(Date.UTC(Number(m[1]), n - 1, 15, 12));
  const monthName = new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
  return { year: m[1], month: n, monthName };
}
