//! The map of an attempt's questions: jump to any, see which are unanswered.

use yew::prelude::*;

/// Props of [`QuestionMap`].
#[derive(Debug, PartialEq, Properties)]
pub struct QuestionMapProps {
    /// For each question in order, whether it has an answer.
    pub answered: Vec<bool>,
    /// The position shown now (0-based).
    pub current: usize,
    /// Called with the position to jump to.
    pub on_jump: Callback<usize>,
}

/// A grid of numbered buttons, one per question.
#[function_component(QuestionMap)]
pub fn question_map(props: &QuestionMapProps) -> Html {
    let unanswered = props.answered.iter().filter(|a| !**a).count();
    html! {
        <nav class="question-map" aria-label="Bản đồ câu hỏi">
            <p class="question-map-summary">
                { format!("Đã trả lời {}/{} câu", props.answered.len() - unanswered, props.answered.len()) }
            </p>
            <ol>
                { for props.answered.iter().enumerate().map(|(i, &answered)| {
                    let label = format!(
                        "Câu {}{}",
                        i + 1,
                        if answered { ", đã trả lời" } else { ", chưa trả lời" }
                    );
                    html! {
                        <li>
                            <button type="button"
                                class={classes!("map-cell", answered.then_some("answered"))}
                                aria-label={label}
                                aria-current={(i == props.current).then_some("step")}
                                onclick={props.on_jump.reform(move |_| i)}>
                                { i + 1 }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
