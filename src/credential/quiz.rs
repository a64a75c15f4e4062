//! Between attempts and credentials: the result a finished attempt signs, and the regrading
//! that checks a verified result against its bank. The score in a file is never trusted: the
//! draw is replayed from the bank and the seed, and the answers are graded again.

use thiserror::Error;

use crate::attempt::{grade, Attempt, Draw, Phase, PreparedBank};
use crate::bank::Bank;

use super::{BankRef, ParticipantInfo, QuizResult};

/// The result a submitted attempt signs; `None` while it is not submitted. The score is the
/// regradable one: the draw replayed from `bank` and graded.
pub fn quiz_result(attempt: &Attempt, bank: &Bank) -> Option<QuizResult> {
    let Phase::Submitted {
        started_at,
        submitted_at,
        ..
    } = attempt.phase()
    else {
        return None;
    };
    let draw = Draw::from_bank(bank, attempt.seed(), attempt.settings()).ok()?;
    let graded = grade(bank, &draw, attempt.answers());
    Some(QuizResult {
        participant: ParticipantInfo {
            name: attempt.participant().name.clone(),
            unit: attempt.participant().unit.clone(),
        },
        bank: BankRef {
            id: attempt.bank_id().to_owned(),
            version: bank.version.clone(),
            digest: attempt.bank_digest().to_owned(),
        },
        seed: attempt.seed().to_string(),
        settings: attempt.settings().clone(),
        answers: attempt.answers().to_vec(),
        started_at: i64::try_from(started_at).ok()?,
        submitted_at: i64::try_from(submitted_at).ok()?,
        prediction: u64::from(attempt.prediction().unwrap_or(0)),
        score: u32::try_from(graded.score()).ok()?,
        max_score: u32::try_from(graded.max()).ok()?,
    })
}

/// A result whose score was recomputed from its bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regraded {
    /// Correct answers, as recomputed.
    pub score: u32,
    /// Questions in the draw.
    pub max_score: u32,
    /// Submission time minus start time, in ms.
    pub duration_ms: u64,
}

/// Why a verified result does not stand against its bank. `Display` is Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RegradeError {
    /// The result names a bank digest the verifier does not hold.
    #[error("không có bộ câu hỏi có mã băm {0} để chấm lại")]
    UnknownBank(String),
    /// The seed is not a decimal `u64`.
    #[error("hạt giống rút đề không hợp lệ: {0}")]
    BadSeed(String),
    /// The draw cannot be replayed with those settings.
    #[error("không rút lại được đề với thiết lập trong tệp: {0}")]
    Draw(String),
    /// An answer to a question the draw did not contain.
    #[error("có câu trả lời cho câu hỏi {0} không có trong đề đã rút")]
    NotInDraw(String),
    /// Submitted before it started, or later than the time limit allows.
    #[error("thời gian làm bài không hợp lệ")]
    Times,
    /// The claimed score differs from the regraded one.
    #[error(
        "điểm ghi trong tệp ({claimed}/{claimed_max}) không khớp với điểm chấm lại ({score}/{max})"
    )]
    ScoreMismatch {
        /// Score in the file.
        claimed: u32,
        /// Maximum in the file.
        claimed_max: u32,
        /// Regraded score.
        score: u32,
        /// Regraded maximum.
        max: u32,
    },
}

impl RegradeError {
    /// A stable English key for reports and counts.
    pub fn code(&self) -> &'static str {
        match self {
            RegradeError::UnknownBank(_) => "unknown_bank",
            RegradeError::BadSeed(_) => "bad_seed",
            RegradeError::Draw(_) => "draw",
            RegradeError::NotInDraw(_) => "answer_not_in_draw",
            RegradeError::Times => "times",
            RegradeError::ScoreMismatch { .. } => "score_mismatch",
        }
    }
}

/// Replays the draw of `result` from the bank `bank_for(digest)` returns, grades its answers,
/// and checks the claimed score. Grading needs only which questions were drawn (answers name
/// original choice indices), so the replay stops before the draw's shuffles; the rules are
/// those of [`grade`]: the first answer to each drawn question counts.
pub fn regrade<'b>(
    result: &QuizResult,
    bank_for: impl Fn(&str) -> Option<&'b PreparedBank>,
) -> Result<Regraded, RegradeError> {
    let prepared = bank_for(&result.bank.digest)
        .ok_or_else(|| RegradeError::UnknownBank(result.bank.digest.clone()))?;
    let seed: u64 = result
        .seed
        .parse()
        .map_err(|_| RegradeError::BadSeed(result.seed.clone()))?;
    let settings = &result.settings;
    let picks = prepared
        .picks(seed, settings)
        .map_err(|e| RegradeError::Draw(e.to_string()))?;
    // Per drawn question: whether an answer to it was graded already.
    let mut graded = vec![false; picks.len()];
    let mut score = 0u32;
    for answer in &result.answers {
        let (slot, index) = prepared
            .index_of(&answer.question)
            .and_then(|index| Some((picks.iter().position(|&pick| pick == index)?, index)))
            .ok_or_else(|| RegradeError::NotInDraw(answer.question.clone()))?;
        if !std::mem::replace(&mut graded[slot], true) && prepared.is_correct(index, &answer.answer)
        {
            score += 1;
        }
    }
    let duration = result.submitted_at - result.started_at;
    let duration_ms = u64::try_from(duration).map_err(|_| RegradeError::Times)?;
    if duration_ms > settings.time_limit_ms {
        return Err(RegradeError::Times);
    }
    let max = picks.len() as u32;
    if (score, max) != (result.score, result.max_score) {
        return Err(RegradeError::ScoreMismatch {
            claimed: result.score,
            claimed_max: result.max_score,
            score,
            max,
        });
    }
    Ok(Regraded {
        score,
        max_score: max,
        duration_ms,
    })
}

/// Why a file is not an acceptable result: its signature or its consistency with the bank.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CheckError {
    /// The file does not verify.
    #[error("{0}")]
    Verify(#[from] super::VerifyError),
    /// The file verifies but does not stand against its bank.
    #[error("{0}")]
    Regrade(#[from] RegradeError),
}

/// Verifies `text` and regrades it: what the verify page and `hocso verify` do for each file.
pub fn check<'b>(
    text: &str,
    bank_for: impl Fn(&str) -> Option<&'b PreparedBank>,
) -> Result<(super::VerifiedResult, Regraded), CheckError> {
    let verified = super::verify(text)?;
    let regraded = regrade(&verified.result, bank_for)?;
    Ok((verified, regraded))
}
