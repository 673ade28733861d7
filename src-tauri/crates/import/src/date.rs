//! Publication dates arrive in many spellings (feeds, CMS exports, bylines); all
//! become a `Timestamp` in UTC seconds, or none with a warning.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use claimdesk_domain::Timestamp;

/// Date-times without a zone are taken as UTC: news exports rarely say otherwise
/// and an hour's error does not matter for sorting or facets.
const NAIVE_DATE_TIMES: &[&str] = &["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M"];
const ZONED_DATE_TIMES: &[&str] = &["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%.f %z"];
/// Written-out dates as bylines have them ("March 2, 2024", "2 March 2024").
const LONG_DATES: &[&str] = &["%B %d, %Y", "%d %B %Y", "%Y/%m/%d"];

/// Accepts RFC 3339, `YYYY-MM-DD`, RFC 2822, `YYYY-MM-DD HH:MM[:SS]` and a few
/// written-out forms.
pub(crate) fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Some(timestamp) = Timestamp::parse(text) {
        return Some(timestamp);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(text) {
        return Some(Timestamp(dt.timestamp()));
    }
    let zoned = ZONED_DATE_TIMES.iter().find_map(|f| DateTime::parse_from_str(text, f).ok());
    if let Some(dt) = zoned {
        return Some(Timestamp(dt.timestamp()));
    }
    let naive = NAIVE_DATE_TIMES.iter().find_map(|f| NaiveDateTime::parse_from_str(text, f).ok());
    if let Some(dt) = naive {
        return Some(Timestamp(dt.and_utc().timestamp()));
    }
    let date = LONG_DATES.iter().find_map(|f| NaiveDate::parse_from_str(text, f).ok())?;
    Some(Timestamp(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp()))
}

/// The warning for a date that is present but unreadable.
pub(crate) fn unparseable(text: &str) -> String {
    format!("unrecognised date {:?}; published left empty", text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(text: &str) -> Option<i64> {
        parse_date(text).map(Timestamp::seconds)
    }

    #[test]
    fn accepts_the_usual_spellings() {
        let noon = Some(1_709_380_800); // 2024-03-02T12:00:00Z
        assert_eq!(seconds("2024-03-02T12:00:00Z"), noon);
        assert_eq!(seconds("2024-03-02T13:00:00+01:00"), noon);
        assert_eq!(seconds("Sat, 02 Mar 2024 12:00:00 GMT"), noon);
        assert_eq!(seconds("Sat, 02 Mar 2024 07:00:00 -0500"), noon);
        assert_eq!(seconds("2024-03-02 12:00:00"), noon);
        assert_eq!(seconds("2024-03-02 12:00:00.250"), noon);
        assert_eq!(seconds("2024-03-02T12:00:00"), noon);
        assert_eq!(seconds("2024-03-02 12:00"), noon);
        assert_eq!(seconds("2024-03-02 12:00:00 +0000"), noon);
        let midnight = Some(1_709_337_600);
        assert_eq!(seconds(" 2024-03-02 "), midnight);
        assert_eq!(seconds("March 2, 2024"), midnight);
        assert_eq!(seconds("Mar 2, 2024"), midnight);
        assert_eq!(seconds("2 March 2024"), midnight);
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(seconds("yesterday"), None);
        assert_eq!(seconds("2024-13-45"), None);
        assert_eq!(seconds(""), None);
        assert_eq!(unparseable(" soon "), "unrecognised date \"soon\"; published left empty");
    }
}
