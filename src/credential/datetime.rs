//! XML Schema 1.1 `dateTimeStamp` (the time format of VC 2.0 and Data Integrity) to and from
//! milliseconds since the Unix epoch, with no clock and no time-zone database.
//!
//! Accepted: `YYYY-MM-DDThh:mm:ss[.fff…](Z|±hh:mm)`, years 0001–9999, a real calendar day,
//! hours 00–23. Written: UTC with `Z`, milliseconds only when not zero.

/// Formats milliseconds since the Unix epoch as `YYYY-MM-DDThh:mm:ss[.mmm]Z`.
pub fn format_timestamp(unix_ms: i64) -> String {
    let days = unix_ms.div_euclid(86_400_000);
    let ms_of_day = unix_ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    let (hour, minute) = (ms_of_day / 3_600_000, ms_of_day / 60_000 % 60);
    let (second, millis) = (ms_of_day / 1000 % 60, ms_of_day % 1000);
    let fraction = if millis == 0 {
        String::new()
    } else {
        format!(".{millis:03}")
    };
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}Z")
}

/// Parses a `dateTimeStamp` into milliseconds since the Unix epoch (fractions beyond
/// milliseconds are truncated); `None` when the text is not one.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let (local_ms, offset_minutes) = parse_local(text)?;
    Some(local_ms - offset_minutes? * 60_000)
}

/// Whether the text is an XML Schema `dateTime`: a `dateTimeStamp` whose time zone may be
/// left out (the proof's `created`).
pub fn is_datetime(text: &str) -> bool {
    parse_local(text).is_some()
}

/// The local time in ms and the offset in minutes, if any.
fn parse_local(text: &str) -> Option<(i64, Option<i64>)> {
    let bytes = text.as_bytes();
    if bytes.len() < 19 || [4, 7, 10, 13, 16].map(|i| bytes[i]) != *b"--T::" {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    let month = digits(&bytes[5..7])?;
    let day = digits(&bytes[8..10])?;
    let hour = digits(&bytes[11..13])?;
    let minute = digits(&bytes[14..16])?;
    let second = digits(&bytes[17..19])?;
    let valid_date = year >= 1 && (1..=12).contains(&month) && day >= 1;
    if !valid_date || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut rest = &bytes[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let len = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        // The first three digits, padded with zeros: `.5` is 500 ms.
        millis = fraction[..len.min(3)]
            .iter()
            .chain(b"00")
            .take(3)
            .fold(0, |ms, digit| ms * 10 + i64::from(digit - b'0'));
        rest = &fraction[len..];
    }
    let offset_minutes = match rest {
        b"" => None,
        b"Z" => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (hours, minutes) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
            if minutes > 59 || hours * 60 + minutes > 14 * 60 {
                return None;
            }
            let magnitude = hours * 60 + minutes;
            Some(if *sign == b'-' { -magnitude } else { magnitude })
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let local_ms = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
    Some((local_ms, offset_minutes))
}

fn digits(bytes: &[u8]) -> Option<i64> {
    bytes.iter().try_fold(0i64, |value, b| {
        b.is_ascii_digit().then(|| value * 10 + i64::from(b - b'0'))
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (inverse of the above).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
