//! The finish step: the tie-break prediction, the questions still unanswered, and the submit
//! button with its confirmation.

use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::contest::Action;
use crate::web::components::Countdown;
use crate::web::platform::now_ms;

use super::questions::QuestionsProps;

/// Prediction, unanswered list, submit.
#[function_component(FinishStep)]
pub fn finish_step(props: &QuestionsProps) -> Html {
    let state = &props.state;
    let confirm_button = use_node_ref();
    {
        let confirm_button = confirm_button.clone();
        use_effect_with(state.confirming(), move |open| {
            if *open {
                if let Some(button) = confirm_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let Some((attempt, draw)) = state.current() else {
        return html! {};
    };
    let unanswered = attempt.unanswered(draw);
    let dispatch = state.dispatcher().to_callback();
    let tie_break = state
        .bank()
        .contest
        .as_ref()
        .and_then(|c| c.tie_break.clone());
    let on_prediction = dispatch.reform(|e: InputEvent| {
        Action::EditPrediction(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let onsubmit = dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::RequestSubmit
    });
    let back = dispatch.reform(|_: MouseEvent| Action::Prev(now_ms()));
    let cancel = dispatch.reform(|_: MouseEvent| Action::CancelSubmit);
    let confirm = dispatch.reform(|_: MouseEvent| Action::ConfirmSubmit(now_ms()));
    let error = state.prediction_error();
    let unanswered_text = match unanswered.len() {
        0 => "Bạn đã trả lời tất cả các câu hỏi.".to_owned(),
        n => format!("Bạn còn {n} câu chưa trả lời."),
    };
    html! {
        <>
            <div class="attempt-bar">
                <Countdown remaining_ms={attempt.remaining_ms(props.now).unwrap_or_default()} />
            </div>
            <section aria-labelledby="finish-heading">
                <h2 id="finish-heading">{ "Nộp bài" }</h2>
                <p>{ &unanswered_text }</p>
                if !unanswered.is_empty() {
                    <ul class="actions" aria-label="Câu chưa trả lời">
                        { for unanswered.iter().map(|&i| html! {
                            <li>
                                <button type="button" class="secondary"
                                    onclick={dispatch.reform(move |_| Action::Goto(i, now_ms()))}>
                                    { format!("Câu {}", i + 1) }
                                </button>
                            </li>
                        }) }
                    </ul>
                }
                <form class="form" {onsubmit} novalidate=true>
                    if let Some(question) = tie_break {
                        <div class="field">
                            <p>{ format!("Câu hỏi dự đoán: {question}") }</p>
                            <label for="prediction">{ "Dự đoán của bạn" }</label>
                            <input id="prediction" type="number" min="0" step="1" inputmode="numeric"
                                value={state.prediction().to_owned()} oninput={on_prediction}
                                aria-invalid={error.is_some().then_some("true")}
                                aria-describedby={error.is_some().then_some("prediction-error")} />
                            if let Some(message) = error {
                                <p id="prediction-error" class="field-error">{ message }</p>
                            }
                        </div>
                    }
                    <div class="actions">
                        <button type="button" class="secondary" onclick={back}>{ "Quay lại câu hỏi" }</button>
                        <button type="submit">{ "Nộp bài" }</button>
                    </div>
                </form>
                if state.confirming() {
                    <div class="panel" role="alertdialog" aria-labelledby="confirm-heading"
                        aria-describedby="confirm-text">
                        <h3 id="confirm-heading">{ "Xác nhận nộp bài" }</h3>
                        <p id="confirm-text">
                            { if unanswered.is_empty() {
                                "Sau khi nộp, bạn không sửa được bài làm nữa.".to_owned()
                            } else {
                                format!("Bạn còn {} câu chưa trả lời. Sau khi nộp, bạn không sửa được bài làm nữa.", unanswered.len())
                            } }
                        </p>
                        <div class="actions">
                            <button type="button" ref={confirm_button} onclick={confirm}>{ "Nộp bài ngay" }</button>
                            <button type="button" class="secondary" onclick={cancel}>{ "Quay lại làm tiếp" }</button>
                        </div>
                    </div>
                }
            </section>
        </>
    }
}
