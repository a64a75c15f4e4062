//! One question with its choices in drawn order; answers are reported by *original* index.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::attempt::Answer;
use crate::bank::{AnswerKey, Question};
use crate::contest::toggle_choice;
use crate::web::platform::nfc;

/// Props of [`QuestionView`].
#[derive(Debug, PartialEq, Properties)]
pub struct QuestionViewProps {
    /// The question as authored.
    pub question: Rc<Question>,
    /// Its position in the attempt, from 1.
    pub number: usize,
    /// How many questions the attempt has.
    pub total: usize,
    /// Choice order on screen: `choice_order[position] = original index`.
    pub choice_order: Vec<usize>,
    /// The answer given so far.
    pub answer: Option<Answer>,
    /// Called with the new answer, choices by original index.
    pub on_answer: Callback<Answer>,
}

/// A fieldset whose legend is "Câu n/N" and the question, then its choices or a text box.
#[function_component(QuestionView)]
pub fn question_view(props: &QuestionViewProps) -> Html {
    let question = &props.question;
    let labels = question.answer.choice_labels();
    let group = format!("q-{}", question.id);
    let body = match &question.answer {
        AnswerKey::Short { .. } => short_answer(props, &group),
        AnswerKey::Multiple { .. } => choice_list(props, &labels, &group, "checkbox", |original| {
            toggle_choice(props.answer.as_ref(), original)
        }),
        AnswerKey::Single { .. } | AnswerKey::TrueFalse { .. } => {
            choice_list(props, &labels, &group, "radio", Answer::Choice)
        }
    };
    html! {
        <fieldset class="question">
            <legend>
                <span class="question-number">{ format!("Câu {}/{}", props.number, props.total) }</span>
                <span class="question-text">{ &question.text }</span>
            </legend>
            if matches!(question.answer, AnswerKey::Multiple { .. }) {
                <p class="hint">{ "Chọn tất cả các đáp án đúng." }</p>
            }
            { body }
        </fieldset>
    }
}

/// Whether the original choice `original` is part of `answer`.
fn is_picked(answer: Option<&Answer>, original: usize) -> bool {
    match answer {
        Some(Answer::Choice(c)) => *c == original,
        Some(Answer::Choices(set)) => set.contains(&original),
        _ => false,
    }
}

fn choice_list(
    props: &QuestionViewProps,
    labels: &[&str],
    group: &str,
    input_type: &'static str,
    answer_for: impl Fn(usize) -> Answer,
) -> Html {
    html! {
        <ol class="choices">
            { for props.choice_order.iter().enumerate().filter(|(_, &o)| o < labels.len()).map(|(position, &original)| {
                let id = format!("{group}-{original}");
                let onchange = props.on_answer.reform({
                    let answer = answer_for(original);
                    move |_: Event| answer.clone()
                });
                html! {
                    <li>
                        <input type={input_type} id={id.clone()} name={group.to_owned()}
                            value={original.to_string()}
                            checked={is_picked(props.answer.as_ref(), original)}
                            {onchange} />
                        <label for={id}>
                            <span class="choice-key" aria-hidden="true">{ position + 1 }</span>
                            <span>{ labels[original] }</span>
                        </label>
                    </li>
                }
            }) }
        </ol>
    }
}

fn short_answer(props: &QuestionViewProps, group: &str) -> Html {
    let value = match &props.answer {
        Some(Answer::Text(text)) => text.clone(),
        _ => String::new(),
    };
    let oninput = props.on_answer.reform(|e: InputEvent| {
        Answer::Text(nfc(&e.target_unchecked_into::<HtmlInputElement>().value()))
    });
    let id = format!("{group}-text");
    html! {
        <div class="short-answer">
            <label for={id.clone()}>{ "Câu trả lời của bạn" }</label>
            <input type="text" {id} {value} {oninput} autocomplete="off" spellcheck="false" />
        </div>
    }
}
