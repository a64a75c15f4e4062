//! The question step: clock, progress, one question, previous/next, the question map, and the
//! keyboard (1–9 pick a choice, ←/→ move).

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::contest::Action;
use crate::web::components::{Countdown, QuestionMap, QuestionView};
use crate::web::platform::now_ms;

/// Props of [`QuestionsStep`].
#[derive(Clone, PartialEq, Properties)]
pub struct QuestionsProps {
    /// The contest screen.
    pub state: UseReducerHandle<super::ContestState>,
    /// The clock's latest tick.
    pub now: u64,
}

/// One question per screen.
#[function_component(QuestionsStep)]
pub fn questions_step(props: &QuestionsProps) -> Html {
    let state = &props.state;
    use_keyboard(state);
    let container = use_node_ref();
    let Some((attempt, draw)) = state.current() else {
        return html! {};
    };
    let index = attempt.current();
    // Move focus to the question when it changes, so screen readers read it out.
    {
        let container = container.clone();
        use_effect_with(index, move |_| {
            if let Some(el) = container.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let drawn = &draw.questions()[index];
    let question = Rc::new(state.bank().questions[drawn.index].clone());
    let on_answer = {
        let (state, id) = (state.clone(), drawn.id.clone());
        Callback::from(move |answer| {
            state.dispatch(Action::Answer {
                id: id.clone(),
                answer,
                now: now_ms(),
            })
        })
    };
    let answered: Vec<bool> = draw
        .questions()
        .iter()
        .map(|q| attempt.answer_to(&q.id).is_some())
        .collect();
    let dispatch = state.dispatcher().to_callback();
    let on_jump = dispatch.reform(|i| Action::Goto(i, now_ms()));
    let prev = dispatch.reform(|_: MouseEvent| Action::Prev(now_ms()));
    let next = dispatch.reform(|_: MouseEvent| Action::Next(now_ms()));
    let finish = dispatch.reform(|_: MouseEvent| Action::Finish);
    html! {
        <>
            <div class="attempt-bar">
                <Countdown remaining_ms={attempt.remaining_ms(props.now).unwrap_or_default()} />
                <button type="button" class="secondary" onclick={finish}>{ "Nộp bài" }</button>
            </div>
            <div class="question-screen" ref={container} tabindex="-1">
                <QuestionView {question} number={index + 1} total={draw.len()}
                    choice_order={drawn.choice_order.clone()}
                    answer={attempt.answer_to(&drawn.id).cloned()} {on_answer} />
            </div>
            <div class="actions">
                <button type="button" class="secondary" onclick={prev} disabled={index == 0}>{ "Câu trước" }</button>
                <button type="button" onclick={next}>
                    { if index + 1 == draw.len() { "Hoàn thành" } else { "Câu tiếp" } }
                </button>
            </div>
            <QuestionMap {answered} current={index} {on_jump} />
        </>
    }
}

/// Listens on the document while the questions are shown: digits pick a choice by its position
/// on screen (the reducer records it by original index), arrows move. Keys typed into a text box are left alone.
#[hook]
fn use_keyboard(state: &UseReducerHandle<super::ContestState>) {
    let state = state.clone();
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let options = EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.alt_key() || event.ctrl_key() || event.meta_key() || typing(event) {
                    return;
                }
                let action = match event.key().as_str() {
                    "ArrowRight" => Some(Action::Next(now_ms())),
                    "ArrowLeft" => Some(Action::Prev(now_ms())),
                    key => key
                        .parse::<usize>()
                        .ok()
                        .filter(|d| (1..=9).contains(d))
                        .map(|d| Action::Pick {
                            position: d - 1,
                            now: now_ms(),
                        }),
                };
                if let Some(action) = action {
                    event.prevent_default();
                    state.dispatch(action);
                }
            });
        move || drop(listener)
    });
}

/// Whether the key goes into a text box.
fn typing(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| !matches!(input.type_().as_str(), "radio" | "checkbox"))
}
