//! Cross-checks of a loaded bank that look at more than one table: unique ids, declared topics,
//! quotas that fit their topics and the attempt.

use std::collections::HashMap;
use std::ops::Range;

use super::load::nearest;
use crate::diagnostics::{Diagnostic, SourceFile};

/// A value read from the file with the span it was read at.
pub type Located = (String, Range<usize>);

/// What the cross-checks need of one question: its id and topic, when they could be read.
#[derive(Debug, Default)]
pub struct QuestionRefs {
    /// The question's `id`.
    pub id: Option<Located>,
    /// The question's `topic`.
    pub topic: Option<Located>,
}

/// What was read of the bank, for [`cross_check`].
pub struct Parts<'a> {
    /// The declared topic ids.
    pub topics: &'a [Located],
    /// Every question table, in file order.
    pub questions: &'a [QuestionRefs],
    /// `[bank.contest.quotas]`: topic id (at its key), count.
    pub quotas: &'a [(String, u32, Range<usize>)],
    /// `[bank.contest] questions`, at its value.
    pub contest_questions: Option<(u32, Range<usize>)>,
}

/// Every problem between the parts of a bank.
pub fn cross_check(file: &SourceFile<'_>, parts: &Parts<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    duplicates(
        file,
        parts.topics.iter(),
        "topic",
        "first declared",
        &mut out,
    );
    let ids = parts.questions.iter().filter_map(|q| q.id.as_ref());
    duplicates(file, ids, "question", "first used", &mut out);

    let declared: Vec<&str> = parts.topics.iter().map(|(id, _)| id.as_str()).collect();
    let mut per_topic: HashMap<&str, u32> = HashMap::new();
    for (topic, span) in parts.questions.iter().filter_map(|q| q.topic.as_ref()) {
        if declared.contains(&topic.as_str()) {
            *per_topic.entry(topic).or_default() += 1;
            continue;
        }
        let help = match nearest(topic, &declared) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("declare it in a [[topics]] table with id = \"{topic}\""),
        };
        out.push(
            file.error(span.clone(), format!("unknown topic `{topic}`"))
                .with_help(help),
        );
    }

    for (topic, count, span) in parts.quotas {
        if !declared.contains(&topic.as_str()) {
            out.push(file.error(span.clone(), format!("quota for unknown topic `{topic}`")));
            continue;
        }
        let available = per_topic.get(topic.as_str()).copied().unwrap_or(0);
        if *count > available {
            out.push(
                file.error(
                    span.clone(),
                    format!("quota {count} for topic `{topic}` is larger than its {available} questions"),
                )
                .with_help("lower the quota or add questions to the topic"),
            );
        }
    }
    if let Some((per_attempt, span)) = &parts.contest_questions {
        let sum: u64 = parts.quotas.iter().map(|(_, n, _)| u64::from(*n)).sum();
        if sum > u64::from(*per_attempt) {
            out.push(file.error(
                span.clone(),
                format!(
                    "quotas add up to {sum}, more than the {per_attempt} questions per attempt"
                ),
            ));
        }
        let total = parts.questions.len();
        if *per_attempt as usize > total {
            out.push(
                file.error(
                    span.clone(),
                    format!("an attempt draws {per_attempt} questions but the bank has {total}"),
                )
                .with_help("lower `questions` or add questions to the bank"),
            );
        }
    }
    out
}

fn duplicates<'a>(
    file: &SourceFile<'_>,
    ids: impl Iterator<Item = &'a Located>,
    what: &str,
    first: &str,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, &Range<usize>> = HashMap::new();
    for (id, span) in ids {
        match seen.get(id.as_str()) {
            Some(earlier) => {
                let (line, _) = file.line_column(earlier.start);
                out.push(
                    file.error(span.clone(), format!("duplicate {what} id `{id}`"))
                        .with_help(format!(
                            "{first} on line {line}; give each {what} its own id"
                        )),
                );
            }
            None => {
                seen.insert(id, span);
            }
        }
    }
}
