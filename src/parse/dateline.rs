//! Datelines: `12:48 JST, February 6, 2024`, `February 6, 2024` and
//! `February 6, 2024 at 12:48 JST`, all in Japan Standard Time.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::time::jst;

/// The timestamp a dateline stands for; `None` when the line is not one.
/// A date alone stands for midnight JST of that day.
pub fn parse_dateline(line: &str) -> Option<DateTime<FixedOffset>> {
    // every form has a comma: most lines are rejected with one look
    if line.len() > 48 || memchr::memchr(b',', line.as_bytes()).is_none() {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let (time, date) = match tokens.as_slice() {
        [time, jst, month, day, year] if jst.eq_ignore_ascii_case("JST,") => {
            (parse_time(time)?, parse_date(month, day, year)?)
        }
        [month, day, year] => (NaiveTime::MIN, parse_date(month, day, year)?),
        [month, day, year, at, time, jst]
            if at.eq_ignore_ascii_case("at") && jst.eq_ignore_ascii_case("JST") =>
        {
            (parse_time(time)?, parse_date(month, day, year)?)
        }
        _ => return None,
    };
    jst().from_local_datetime(&date.and_time(time)).single()
}

fn parse_time(token: &str) -> Option<NaiveTime> {
    let (hour, minute) = token.split_once(':')?;
    if hour.is_empty() || hour.len() > 2 || minute.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(number(hour)?, number(minute)?, 0)
}

fn parse_date(month: &str, day: &str, year: &str) -> Option<NaiveDate> {
    let day = day.strip_suffix(',')?;
    if day.is_empty() || day.len() > 2 || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(number(year)? as i32, month_number(month)?, number(day)?)
}

fn number(digits: &str) -> Option<u32> {
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

/// Full English month names and their usual abbreviations (`Feb.`, `Sept.`).
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    if name.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|full| *full == name || (name.len() <= 4 && full.starts_with(&name)))
        .map(|index| index as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc3339(line: &str) -> Option<String> {
        parse_dateline(line).map(|t| t.to_rfc3339())
    }

    #[test]
    fn time_first_dateline() {
        assert_eq!(
            rfc3339("12:48 JST, February 6, 2024").as_deref(),
            Some("2024-02-06T12:48:00+09:00")
        );
    }

    #[test]
    fn one_digit_hour() {
        assert_eq!(
            rfc3339("7:05 JST, March 10, 2024").as_deref(),
            Some("2024-03-10T07:05:00+09:00")
        );
    }

    #[test]
    fn date_alone_is_midnight_jst() {
        assert_eq!(
            rfc3339("December 11, 2021").as_deref(),
            Some("2021-12-11T00:00:00+09:00")
        );
    }

    #[test]
    fn date_then_time() {
        assert_eq!(
            rfc3339("February 6, 2024 at 12:48 JST").as_deref(),
            Some("2024-02-06T12:48:00+09:00")
        );
    }

    #[test]
    fn abbreviated_months() {
        assert_eq!(
            rfc3339("Sept. 3, 2023").as_deref(),
            Some("2023-09-03T00:00:00+09:00")
        );
    }

    #[test]
    fn impossible_dates_and_prose_are_not_datelines() {
        for line in [
            "25:00 JST, February 6, 2024",
            "12:48 JST, February 30, 2024",
            "May we all, 2024",
            "12:48 JST February 6 2024",
            "The meeting is on February 6, 2024 at noon",
        ] {
            assert_eq!(parse_dateline(line), None, "{line}");
        }
    }
}
