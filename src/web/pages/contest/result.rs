//! The result of a finished attempt: score, time, prediction, and the review of every question
//! with the learner's answer, the correct one and the explanation.

use yew::prelude::*;

use crate::attempt::{grade, Answer, Draw, Phase, SubmittedBy};
use crate::bank::{AnswerKey, Question};
use crate::clock::countdown_text;
use crate::contest::Action;
use crate::web::components::HandbookLink;
use crate::web::content::handbook;
use crate::web::platform::date_time;

use super::export::ExportPanel;

/// Props of [`ResultStep`].
#[derive(Clone, PartialEq, Properties)]
pub struct ResultProps {
    /// The contest screen.
    pub state: UseReducerHandle<super::ContestState>,
    /// Which finished attempt (index into the history).
    pub index: usize,
}

/// Score and review.
#[function_component(ResultStep)]
pub fn result_step(props: &ResultProps) -> Html {
    let state = &props.state;
    let bank = state.bank();
    let Some(attempt) = state.record().history.get(props.index) else {
        return html! {};
    };
    let Ok(draw) = Draw::from_bank(bank, attempt.seed(), attempt.settings()) else {
        return html! {
            <p class="field-error" role="alert">{ "Bài làm này thuộc một bộ câu hỏi khác nên không chấm lại được." }</p>
        };
    };
    let graded = grade(bank, &draw, attempt.answers());
    let pass = bank.contest.as_ref().map(|c| usize::from(c.pass_percent));
    let by_deadline = matches!(
        attempt.phase(),
        Phase::Submitted {
            by: SubmittedBy::Deadline,
            ..
        }
    );
    let new_attempt = state
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::NewAttempt);
    html! {
        <>
            <section class="panel" aria-labelledby="result-heading">
                <h2 id="result-heading">{ "Kết quả" }</h2>
                if by_deadline {
                    <p class="status-badge">{ "Hết giờ: bài được nộp tự động với các câu đã trả lời." }</p>
                }
                <p class="score">{ format!("{}/{} câu đúng", graded.score(), graded.max()) }</p>
                <dl class="facts">
                    <dt>{ "Người dự thi" }</dt>
                    <dd>{ format!("{} — {}", attempt.participant().name, attempt.participant().unit) }</dd>
                    <dt>{ "Tỉ lệ đúng" }</dt>
                    <dd>{ format!("{}%", graded.percent()) }</dd>
                    if let Some(pass) = pass {
                        <dt>{ "Đánh giá" }</dt>
                        <dd>{ if graded.percent() >= pass { "Đạt" } else { "Chưa đạt" } }</dd>
                    }
                    <dt>{ "Thời gian làm bài" }</dt>
                    <dd>{ countdown_text(attempt.duration_ms().unwrap_or_default()) }</dd>
                    if let Some(started) = attempt.started_at() {
                        <dt>{ "Bắt đầu lúc" }</dt>
                        <dd>{ date_time(started) }</dd>
                    }
                    if let Some(prediction) = attempt.prediction() {
                        <dt>{ "Dự đoán" }</dt>
                        <dd>{ prediction }</dd>
                    }
                </dl>
                <div class="actions">
                    <button type="button" onclick={new_attempt}>{ "Làm bài mới" }</button>
                </div>
            </section>
            <ExportPanel bank={bank.clone()} attempt={attempt.clone()} index={props.index} />
            <section aria-labelledby="review-heading">
                <h2 id="review-heading">{ "Xem lại bài làm" }</h2>
                <ol class="review" aria-label="Xem lại bài làm">
                    { for draw.questions().iter().zip(&graded.correct).enumerate().map(|(i, (drawn, &correct))| {
                        let question = &bank.questions[drawn.index];
                        html! {
                            <li class={classes!("review-item", if correct { "correct" } else { "wrong" })}>
                                <h3>
                                    { format!("Câu {}: ", i + 1) }
                                    <span class="verdict">{ if correct { "Đúng" } else { "Sai" } }</span>
                                </h3>
                                <p>{ &question.text }</p>
                                <p>{ "Bạn trả lời: " }<strong>{ given_text(question, attempt.answer_to(&drawn.id)) }</strong></p>
                                <p>{ "Đáp án đúng: " }<strong>{ correct_text(question) }</strong></p>
                                <p>{ "Giải thích: " }{ &question.explanation }</p>
                                { source_link(&question.source) }
                            </li>
                        }
                    }) }
                </ol>
            </section>
        </>
    }
}

/// The learner's answer in words.
fn given_text(question: &Question, answer: Option<&Answer>) -> String {
    let labels = question.answer.choice_labels();
    let label = |i: &usize| labels.get(*i).copied().unwrap_or("?").to_owned();
    match answer {
        None => "(chưa trả lời)".to_owned(),
        Some(Answer::Choice(i)) => label(i),
        Some(Answer::Choices(set)) => set.iter().map(label).collect::<Vec<_>>().join("; "),
        Some(Answer::Text(text)) => text.clone(),
    }
}

/// The correct answer in words.
fn correct_text(question: &Question) -> String {
    let labels = question.answer.choice_labels();
    match &question.answer {
        AnswerKey::Single { correct, .. } => labels[*correct].to_owned(),
        AnswerKey::Multiple { correct, .. } => correct
            .iter()
            .map(|&i| labels[i])
            .collect::<Vec<_>>()
            .join("; "),
        AnswerKey::TrueFalse { correct } => labels[usize::from(!correct)].to_owned(),
        AnswerKey::Short { accept } => accept.join(" / "),
    }
}

/// "Xem trong sổ tay" to the cited section when the source names a handbook document, else the
/// source as text.
fn source_link(source: &str) -> Html {
    let (doc, anchor) = source.split_once('#').unwrap_or((source, ""));
    if handbook().document(doc).is_some() {
        html! {
            <p class="hint">
                <HandbookLink doc={doc.to_owned()} anchor={anchor.to_owned()}>{ "Xem trong sổ tay" }</HandbookLink>
            </p>
        }
    } else {
        html! { <p class="hint">{ format!("Nguồn: {source}") }</p> }
    }
}
