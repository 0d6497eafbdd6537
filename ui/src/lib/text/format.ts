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

export function formatTime(d: Date, locale?: string | null, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(d);
  return `${part(parts, 'hour')}:${part(parts, 'minute')}`;
}

export function formatNumber(n: number, locale?: string | null): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}
