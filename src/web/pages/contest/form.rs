//! The first step: the contest rules, the participant form, and the finished attempts.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::attempt::Field;
use crate::contest::Action;
use crate::web::platform::{date_time, nfc, now_ms, random_seed};

use super::StepProps;

/// The form fields in order: field, input id, label, input type, autocomplete.
const FIELDS: [(Field, &str, &str, &str, &str); 4] = [
    (Field::Name, "participant-name", "Họ và tên", "text", "name"),
    (
        Field::Unit,
        "participant-unit",
        "Đơn vị / chi bộ",
        "text",
        "organization",
    ),
    (
        Field::Phone,
        "participant-phone",
        "Số điện thoại (không bắt buộc)",
        "tel",
        "tel",
    ),
    (
        Field::Email,
        "participant-email",
        "Email (không bắt buộc)",
        "email",
        "email",
    ),
];

/// Rules, form and history.
#[function_component(FormStep)]
pub fn form_step(props: &StepProps) -> Html {
    let state = &props.state;
    let settings = state.settings();
    let contest = state.bank().contest.as_ref();
    let onsubmit = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(Action::Start {
                seed: random_seed(),
                now: now_ms(),
            });
        })
    };
    // After a refused start, focus the first field with a problem.
    use_effect_with(state.form_errors().to_vec(), |errors| {
        if let Some(first) = errors.first() {
            let id = FIELDS.iter().find(|f| f.0 == first.field).map(|f| f.1);
            if let Some(input) = id.and_then(|id| gloo::utils::document().get_element_by_id(id)) {
                let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    });
    html! {
        <>
            <section class="panel" aria-labelledby="rules-heading">
                <h2 id="rules-heading">{ "Thể lệ" }</h2>
                <ul class="rules">
                    <li>{ format!("Mỗi lượt thi có {} câu hỏi trắc nghiệm, rút ngẫu nhiên từ ngân hàng {} câu.", settings.questions, state.bank().questions.len()) }</li>
                    <li>{ format!("Thời gian làm bài: {} phút, tính từ khi bấm “Bắt đầu làm bài”. Hết giờ, bài được nộp tự động.", settings.time_limit_ms / 60_000) }</li>
                    <li>{ "Bài làm được lưu sau mỗi câu trả lời: tải lại trang hay mất mạng cũng không mất bài." }</li>
                    if let Some(pass) = contest.map(|c| c.pass_percent) {
                        <li>{ format!("Trả lời đúng từ {pass}% số câu trở lên là đạt.") }</li>
                    }
                    if let Some(question) = contest.and_then(|c| c.tie_break.as_ref()) {
                        <li>{ format!("Cuối bài có câu hỏi dự đoán để xếp hạng khi bằng điểm: “{question}”") }</li>
                    }
                    <li>{ "Dùng phím số 1–9 để chọn đáp án, phím mũi tên trái/phải để chuyển câu." }</li>
                </ul>
            </section>
            <form class="form" {onsubmit} novalidate=true aria-labelledby="form-heading">
                <h2 id="form-heading">{ "Thông tin người dự thi" }</h2>
                { for FIELDS.iter().map(|&(field, id, label, input_type, autocomplete)| {
                    let error = state.form_errors().iter().find(|e| e.field == field).map(|e| e.message);
                    let error_id = format!("{id}-error");
                    let oninput = {
                        let state = state.clone();
                        Callback::from(move |e: InputEvent| {
                            let value = e.target_unchecked_into::<HtmlInputElement>().value();
                            state.dispatch(Action::Edit(field, nfc(&value)));
                        })
                    };
                    let value = match field {
                        Field::Name => state.form().name.clone(),
                        Field::Unit => state.form().unit.clone(),
                        Field::Phone => state.form().phone.clone(),
                        Field::Email => state.form().email.clone(),
                    };
                    html! {
                        <div class="field">
                            <label for={id}>{ label }</label>
                            <input {id} type={input_type} autocomplete={autocomplete} {value} {oninput}
                                aria-invalid={error.is_some().then_some("true")}
                                aria-describedby={error.is_some().then(|| error_id.clone())} />
                            if let Some(message) = error {
                                <p id={error_id} class="field-error">{ message }</p>
                            }
                        </div>
                    }
                }) }
                <div class="actions">
                    <button type="submit">{ "Bắt đầu làm bài" }</button>
                </div>
            </form>
            <History state={state.clone()} />
        </>
    }
}

/// The finished attempts, newest first, each opening its result.
#[function_component(History)]
fn history(props: &StepProps) -> Html {
    let state = &props.state;
    let history = &state.record().history;
    if history.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{ "Lịch sử" }</h2>
            <ul class="history" aria-labelledby="history-heading">
                { for history.iter().enumerate().rev().map(|(index, attempt)| {
                    let onclick = state.dispatcher().to_callback().reform(move |_| Action::ViewResult(index));
                    let when = attempt.started_at().map(date_time).unwrap_or_default();
                    html! {
                        <li>
                            <button type="button" class="secondary" {onclick}>
                                { format!("Lượt thi lúc {when} — {}", attempt.participant().name) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
