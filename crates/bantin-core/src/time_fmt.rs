//! Timestamps: stored as Unix milliseconds, shown as RFC 3339 UTC.

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

use crate::error::{Error, Result};

/// Vietnam has one time zone and no daylight saving: month boundaries for the
/// month filter are taken there, where the articles are written.
pub const SITE_OFFSET_HOURS: i8 = 7;

pub fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

pub fn to_rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// Parses an RFC 3339 time, or a bare `YYYY-MM-DD` date (midnight in Vietnam).
pub fn parse_date_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some((t.unix_timestamp_nanos() / 1_000_000) as i64);
    }
    let date_part = s.get(..10)?;
    let mut it = date_part.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let date = Date::from_calendar_date(
        y.parse().ok()?,
        Month::try_from(m.parse::<u8>().ok()?).ok()?,
        d.parse().ok()?,
    )
    .ok()?;
    let offset = UtcOffset::from_hms(SITE_OFFSET_HOURS, 0, 0).ok()?;
    let t = date.with_time(Time::MIDNIGHT).assume_offset(offset);
    Some((t.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// `"2026-04"` → the [start, end) of that month in milliseconds.
pub fn month_range_ms(month: &str) -> Result<(i64, i64)> {
    let bad = || Error::invalid("month", format!("{month:?} is not a month (use YYYY-MM)"));
    let (y, m) = month.trim().split_once('-').ok_or_else(bad)?;
    let year: i32 = y.parse().map_err(|_| bad())?;
    let m: u8 = m.parse().map_err(|_| bad())?;
    let start = parse_date_ms(&format!("{year:04}-{m:02}-01")).ok_or_else(bad)?;
    let (ny, nm) = if m == 12 {
        (year + 1, 1)
    } else {
        (year, m + 1)
    };
    let end = parse_date_ms(&format!("{ny:04}-{nm:02}-01")).ok_or_else(bad)?;
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_range_is_in_vietnam_time() {
        let (start, end) = month_range_ms("2022-04").expect("valid");
        assert_eq!(to_rfc3339(start), "2022-03-31T17:00:00Z");
        assert_eq!(to_rfc3339(end), "2022-04-30T17:00:00Z");
        let (_, dec_end) = month_range_ms("2025-12").expect("valid");
        assert_eq!(to_rfc3339(dec_end), "2025-12-31T17:00:00Z");
        assert!(month_range_ms("2022-13").is_err());
        assert!(month_range_ms("april").is_err());
    }

    #[test]
    fn dates_parse() {
        assert_eq!(
            parse_date_ms("2022-04-15T08:00:00+07:00")
                .map(to_rfc3339)
                .as_deref(),
            Some("2022-04-15T01:00:00Z")
        );
        assert_eq!(
            parse_date_ms("2022-04-15").map(to_rfc3339).as_deref(),
            Some("2022-04-14T17:00:00Z")
        );
        assert_eq!(parse_date_ms("15/4/2022"), None);
    }
}
