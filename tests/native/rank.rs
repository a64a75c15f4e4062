//! Contest ranking: one table per tie-break step, duplicates (earliest and best), deadline,
//! ties, and independence from input order.

use hocso::rank::{rank, Entry, Keep, RankConfig, Ranker, Ranking};
use proptest::prelude::*;

/// `(participant, score, prediction, duration s, submitted s)` with max score 10; the source
/// is `participant@submitted`.
fn entry(
    participant: &str,
    score: u32,
    prediction: u64,
    duration_s: u64,
    submitted_s: i64,
) -> Entry {
    Entry {
        participant: participant.to_owned(),
        source: format!("{participant}@{submitted_s}"),
        score,
        max_score: 10,
        prediction,
        duration_ms: duration_s * 1000,
        submitted_at: submitted_s * 1000,
        name: format!("Người dự thi {participant}"),
        unit: "Chi bộ 1".to_owned(),
    }
}

/// The ranking as `rank participant [tied]` lines.
fn table(ranking: &Ranking) -> Vec<String> {
    ranking
        .rows
        .iter()
        .map(|row| {
            let tie = if row.tied { " tied" } else { "" };
            format!("{} {}{tie}", row.rank, row.entry.participant)
        })
        .collect()
}

fn ranked(entries: Vec<Entry>) -> Vec<String> {
    table(&rank(entries, RankConfig::default()))
}

#[test]
fn score_comes_first() {
    let entries = vec![
        entry("a", 7, 0, 10, 100),
        entry("b", 9, 99, 999, 999),
        entry("c", 8, 0, 1, 1),
    ];
    assert_eq!(ranked(entries), ["1 b", "2 c", "3 a"]);
}

#[test]
fn then_distance_of_the_prediction_from_the_full_score_count() {
    // Two full scores (a, b, c have 10 except c): predictions 2 (exact), 5 (off by 3), 1 (off by 1).
    let entries = vec![
        entry("p5", 10, 5, 10, 10),
        entry("p2", 10, 2, 50, 50),
        entry("low", 3, 2, 1, 1),
    ];
    let ranking = rank(entries, RankConfig::default());
    assert_eq!(ranking.full_scores, 2);
    assert_eq!(table(&ranking), ["1 p2", "2 p5", "3 low"]);
    let errors: Vec<u64> = ranking.rows.iter().map(|r| r.prediction_error).collect();
    assert_eq!(errors, [0, 3, 0]);
    // Over- and under-predictions by the same amount are equal at this step.
    let entries = vec![entry("over", 10, 3, 20, 1), entry("under", 10, 1, 10, 2)];
    assert_eq!(ranked(entries), ["1 under", "2 over"]);
}

#[test]
fn then_duration() {
    let entries = vec![entry("slow", 8, 0, 300, 10), entry("fast", 8, 0, 200, 20)];
    assert_eq!(ranked(entries), ["1 fast", "2 slow"]);
}

#[test]
fn then_submission_time() {
    let entries = vec![entry("late", 8, 0, 200, 20), entry("early", 8, 0, 200, 10)];
    assert_eq!(ranked(entries), ["1 early", "2 late"]);
}

#[test]
fn equal_on_every_step_is_a_reported_tie() {
    let entries = vec![
        entry("d", 5, 0, 60, 60),
        entry("c", 8, 0, 60, 60),
        entry("b", 8, 0, 60, 60),
        entry("a", 9, 0, 60, 60),
    ];
    assert_eq!(ranked(entries), ["1 a", "2 b tied", "2 c tied", "4 d"]);
}

#[test]
fn earliest_submission_counts_by_default() {
    let entries = vec![
        entry("a", 10, 1, 100, 500),
        entry("a", 4, 1, 100, 100),
        entry("b", 6, 1, 100, 200),
    ];
    let ranking = rank(entries, RankConfig::default());
    assert_eq!(table(&ranking), ["1 b", "2 a"]);
    assert_eq!(ranking.rows[1].entry.score, 4);
    assert_eq!(ranking.full_scores, 0);
    let dropped: Vec<&str> = ranking
        .duplicates
        .iter()
        .map(|e| e.source.as_str())
        .collect();
    assert_eq!(dropped, ["a@500"]);
}

#[test]
fn keep_best_takes_the_entry_that_ranks_best() {
    let config = RankConfig {
        keep: Keep::Best,
        deadline: None,
    };
    let entries = vec![
        entry("a", 4, 1, 100, 100),
        entry("a", 10, 1, 100, 500),
        entry("a", 10, 1, 90, 600),
        entry("a", 10, 7, 10, 700),
        entry("b", 6, 1, 100, 200),
    ];
    let ranking = rank(entries, config);
    assert_eq!(table(&ranking), ["1 a", "2 b"]);
    // One full score: prediction 1 beats prediction 7 though slower; then 90 s beats 100 s.
    assert_eq!(ranking.rows[0].entry.source, "a@600");
    let dropped: Vec<&str> = ranking
        .duplicates
        .iter()
        .map(|e| e.source.as_str())
        .collect();
    assert_eq!(dropped, ["a@100", "a@500", "a@700"]);
}

#[test]
fn deadline_drops_late_entries_before_choosing_duplicates() {
    let config = RankConfig {
        keep: Keep::Best,
        deadline: Some(300_000),
    };
    let entries = vec![
        entry("a", 4, 0, 100, 100),
        entry("a", 10, 0, 100, 301),
        entry("b", 6, 0, 100, 300),
        entry("c", 9, 0, 100, 400),
    ];
    let ranking = rank(entries, config);
    assert_eq!(table(&ranking), ["1 b", "2 a"]);
    let late: Vec<&str> = ranking.late.iter().map(|e| e.source.as_str()).collect();
    assert_eq!(late, ["a@301", "c@400"]);
    assert!(ranking.duplicates.is_empty());
}

#[test]
fn full_score_count_uses_each_entrys_own_maximum() {
    let mut short = entry("short", 5, 2, 10, 10);
    short.max_score = 5;
    let entries = vec![
        short,
        entry("long", 10, 2, 20, 20),
        entry("miss", 9, 2, 1, 1),
    ];
    let ranking = rank(entries, RankConfig::default());
    assert_eq!(ranking.full_scores, 2);
    assert_eq!(table(&ranking), ["1 long", "2 miss", "3 short"]);
}

#[test]
fn an_empty_input_ranks_nothing() {
    let ranking = Ranker::new(RankConfig::default()).finish();
    assert!(ranking.rows.is_empty() && ranking.duplicates.is_empty() && ranking.late.is_empty());
    assert_eq!(ranking.full_scores, 0);
}

fn arb_entry() -> impl Strategy<Value = Entry> {
    // Few distinct values so duplicates and ties are frequent.
    (0..6u8, 8..=10u32, 0..4u64, 1..4u64, 0..6i64, 0..3u8).prop_map(
        |(who, score, prediction, duration, submitted, tag)| {
            let mut e = entry(&format!("p{who}"), score, prediction, duration, submitted);
            e.source = format!("{}#{tag}", e.source);
            e
        },
    )
}

proptest! {
    #[test]
    fn ranking_does_not_depend_on_input_order(
        entries in prop::collection::vec(arb_entry(), 0..40),
        keep_best in any::<bool>(),
        deadline in prop::option::of(0..6i64),
        rotation in any::<prop::sample::Index>(),
        seed in any::<u64>(),
    ) {
        let config = RankConfig {
            keep: if keep_best { Keep::Best } else { Keep::Earliest },
            deadline: deadline.map(|s| s * 1000),
        };
        let expected = rank(entries.clone(), config);
        let mut shuffled = entries.clone();
        if !shuffled.is_empty() {
            let len = shuffled.len();
            shuffled.rotate_left(rotation.index(len));
        }
        // A seeded Fisher–Yates with a linear congruential generator.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(rank(shuffled.clone(), config), expected.clone());
        shuffled.reverse();
        prop_assert_eq!(rank(shuffled, config), expected.clone());
        // Nothing is lost: every entry is ranked, a duplicate or late.
        prop_assert_eq!(
            expected.rows.len() + expected.duplicates.len() + expected.late.len(),
            entries.len()
        );
    }
}
