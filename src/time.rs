//! Time as kiji shows it: Japan Standard Time, in which every dateline is
//! printed, dates in the list, and "3 days ago".

use chrono::{DateTime, Datelike, FixedOffset, TimeZone, Utc};

const JST_SECONDS: i32 = 9 * 3600;

/// Japan Standard Time, the zone every dateline is printed in.
pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(JST_SECONDS).expect("+09:00 is a valid offset")
}

/// A stored Unix time back as the JST timestamp it was parsed from.
pub fn from_unix(seconds: i64) -> Option<DateTime<FixedOffset>> {
    jst().timestamp_opt(seconds, 0).single()
}

/// The short date a list row shows, `Feb 06`: as printed (JST), or in this
/// machine's zone with `local`.
pub fn short_date(published: DateTime<FixedOffset>, local: bool) -> String {
    if local {
        published
            .with_timezone(&chrono::Local)
            .format("%b %d")
            .to_string()
    } else {
        published.format("%b %d").to_string()
    }
}

/// A date as a list shows it, in JST or with `local` in this machine's
/// zone: the time for today (`14:05`), the day for this year (`Apr 12`),
/// the day and year before that (`Dec 30 2023`).
pub fn list_date(time: DateTime<FixedOffset>, now: DateTime<Utc>, local: bool) -> String {
    let (time, now) = if local {
        let zone = *chrono::Local::now().offset();
        (time.with_timezone(&zone), now.with_timezone(&zone))
    } else {
        (time.with_timezone(&jst()), now.with_timezone(&jst()))
    };
    if time.date_naive() == now.date_naive() {
        time.format("%H:%M").to_string()
    } else if time.year() == now.year() {
        time.format("%b %d").to_string()
    } else {
        time.format("%b %d %Y").to_string()
    }
}

/// When a page was captured, in JST or with `local` in this machine's
/// zone: `Feb 6, 2024, 13:02 JST`.
pub fn capture_time(time: DateTime<Utc>, local: bool) -> String {
    if local {
        time.with_timezone(&chrono::Local)
            .format("%b %-d, %Y, %H:%M")
            .to_string()
    } else {
        time.with_timezone(&jst())
            .format("%b %-d, %Y, %H:%M JST")
            .to_string()
    }
}

/// A publication time in this machine's zone, in the dateline's words:
/// `21:48 (UTC+09:00), February 6, 2024`.
pub fn local_dateline(published: DateTime<FixedOffset>) -> String {
    published
        .with_timezone(&chrono::Local)
        .format("%-H:%M (UTC%:z), %B %-d, %Y")
        .to_string()
}

/// How long ago, in the largest whole unit: "just now", "5 minutes ago",
/// "3 days ago", "2 years ago"; "in the future" for a clock that is behind.
pub fn relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds();
    if seconds < -60 {
        return "in the future".into();
    }
    let (count, unit) = match seconds {
        ..60 => return "just now".into(),
        60..3600 => (seconds / 60, "minute"),
        3600..86_400 => (seconds / 3600, "hour"),
        86_400..2_592_000 => (seconds / 86_400, "day"),
        2_592_000..31_536_000 => (seconds / 2_592_000, "month"),
        _ => (seconds / 31_536_000, "year"),
    };
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {unit}{plural} ago")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 2, 9, 3, 48, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn list_dates_say_the_time_today_and_the_year_before_this_one() {
        let now = now(); // 12:48 JST, February 9, 2024
        let at = |text: &str| DateTime::parse_from_rfc3339(text).expect("a time");
        assert_eq!(
            list_date(at("2024-02-09T08:05:00+09:00"), now, false),
            "08:05"
        );
        assert_eq!(
            list_date(at("2024-01-30T08:05:00+09:00"), now, false),
            "Jan 30"
        );
        assert_eq!(
            list_date(at("2023-12-30T08:05:00+09:00"), now, false),
            "Dec 30 2023"
        );
        assert_eq!(capture_time(now, false), "Feb 9, 2024, 12:48 JST");
    }

    #[test]
    fn relative_times() {
        let now = now();
        assert_eq!(relative(now, now), "just now");
        assert_eq!(
            relative(now - chrono::Duration::minutes(5), now),
            "5 minutes ago"
        );
        assert_eq!(
            relative(now - chrono::Duration::hours(1), now),
            "1 hour ago"
        );
        assert_eq!(relative(now - chrono::Duration::days(3), now), "3 days ago");
        assert_eq!(
            relative(now - chrono::Duration::days(800), now),
            "2 years ago"
        );
        assert_eq!(
            relative(now + chrono::Duration::days(1), now),
            "in the future"
        );
    }
}
