//! How the contest clock reads to a learner: the visible countdown and the two spoken warnings.

/// The remaining time as `mm:ss`, rounded up to the whole second so `00:00` means time is up.
pub fn countdown_text(remaining_ms: u64) -> String {
    let seconds = remaining_ms.div_ceil(1000);
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// What a screen reader announces (politely) at this point: nothing until five minutes are
/// left, then the five-minute warning, then from one minute on the one-minute warning. The text
/// changes only twice, so each warning is announced once.
pub fn countdown_warning(remaining_ms: u64) -> Option<&'static str> {
    match remaining_ms {
        0..=60_000 => Some("Còn 1 phút làm bài."),
        60_001..=300_000 => Some("Còn 5 phút làm bài."),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_reads_minutes_and_seconds() {
        let cases = [
            (900_000, "15:00"),
            (899_001, "15:00"),
            (899_000, "14:59"),
            (61_000, "01:01"),
            (1, "00:01"),
            (0, "00:00"),
            (6_000_000, "100:00"),
        ];
        for (ms, text) in cases {
            assert_eq!(countdown_text(ms), text, "{ms}");
        }
    }

    #[test]
    fn warnings_come_at_five_and_one_minutes() {
        let cases = [
            (900_000, None),
            (300_001, None),
            (300_000, Some("Còn 5 phút làm bài.")),
            (60_001, Some("Còn 5 phút làm bài.")),
            (60_000, Some("Còn 1 phút làm bài.")),
            (0, Some("Còn 1 phút làm bài.")),
        ];
        for (ms, warning) in cases {
            assert_eq!(countdown_warning(ms), warning, "{ms}");
        }
    }
}
