//! Components mounted in a real DOM: what they draw and what they report back.

use std::cell::RefCell;
use std::rc::Rc;

use hocso::attempt::Answer;
use hocso::bank::{AnswerKey, Question};
use hocso::prefs::TextSize;
use hocso::store::Notice;
use hocso::web::components::{
    NoticeList, NoticeListProps, QuestionView, QuestionViewProps, TextSizePicker,
    TextSizePickerProps,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, Event, HtmlElement, HtmlSelectElement};
use yew::Callback;

use crate::{mount_point, settle};

#[wasm_bindgen_test]
async fn notice_list_shows_messages_and_dismisses() {
    let root = mount_point();
    let dismissed = Rc::new(RefCell::new(0));
    let counter = dismissed.clone();
    let props = NoticeListProps {
        notices: vec![Notice::Unavailable],
        on_dismiss: Callback::from(move |()| *counter.borrow_mut() += 1),
    };
    yew::Renderer::<NoticeList>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let region = root
        .query_selector("[role=status]")
        .unwrap()
        .expect("live region");
    assert!(region.text_content().unwrap().contains("chế độ ẩn danh"));
    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .expect("dismiss button")
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Đã hiểu"));
    button.click();
    assert_eq!(*dismissed.borrow(), 1);
}

#[wasm_bindgen_test]
async fn empty_notice_list_draws_only_the_live_region() {
    let root = mount_point();
    let props = NoticeListProps {
        notices: Vec::new(),
        on_dismiss: Callback::noop(),
    };
    yew::Renderer::<NoticeList>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let region = root
        .query_selector("[role=status]")
        .unwrap()
        .expect("live region");
    assert_eq!(region.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn text_size_picker_is_labelled_and_reports_the_choice() {
    let root = mount_point();
    let picked = Rc::new(RefCell::new(None));
    let sink = picked.clone();
    let props = TextSizePickerProps {
        value: TextSize::Normal,
        on_change: Callback::from(move |size| *sink.borrow_mut() = Some(size)),
    };
    yew::Renderer::<TextSizePicker>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let label = root.query_selector("label").unwrap().expect("label");
    assert_eq!(label.get_attribute("for").as_deref(), Some("text-size"));
    assert_eq!(label.text_content().as_deref(), Some("Cỡ chữ"));
    let select: HtmlSelectElement = root
        .query_selector("select#text-size")
        .unwrap()
        .expect("select")
        .unchecked_into();
    assert_eq!(select.length(), 3);
    select.set_selected_index(2);
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    assert_eq!(*picked.borrow(), Some(TextSize::ExtraLarge));
}

fn question(answer: AnswerKey) -> Rc<Question> {
    Rc::new(Question {
        id: "q1".into(),
        topic: "t".into(),
        level: 1,
        text: "Nghị quyết 57 ban hành năm nào?".into(),
        answer,
        explanation: "Năm 2024.".into(),
        source: "doc#a".into(),
    })
}

fn choices() -> Vec<String> {
    vec!["2023".into(), "2024".into(), "2025".into()]
}

/// Mounts a question with its choices shown in `choice_order` (original indices), and returns
/// the root and the answers it reported.
async fn mount_question(
    answer: AnswerKey,
    choice_order: Vec<usize>,
    given: Option<Answer>,
) -> (Element, Rc<RefCell<Vec<Answer>>>) {
    let root = mount_point();
    let reported = Rc::new(RefCell::new(Vec::new()));
    let sink = reported.clone();
    let props = QuestionViewProps {
        question: question(answer),
        number: 3,
        total: 20,
        choice_order,
        answer: given,
        on_answer: Callback::from(move |a| sink.borrow_mut().push(a)),
    };
    yew::Renderer::<QuestionView>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, reported)
}

fn labels(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("label").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
        .collect()
}

fn click_label(root: &Element, position: u32) {
    let label: HtmlElement = root
        .query_selector_all("label")
        .unwrap()
        .item(position)
        .unwrap()
        .unchecked_into();
    label.click();
}

#[wasm_bindgen_test]
async fn question_shows_drawn_order_and_records_original_index() {
    let key = AnswerKey::Single {
        choices: choices(),
        correct: 1,
    };
    let (root, reported) = mount_question(key, vec![2, 0, 1], None).await;
    let legend = root.query_selector("legend").unwrap().unwrap();
    assert_eq!(
        legend.text_content().as_deref(),
        Some("Câu 3/20Nghị quyết 57 ban hành năm nào?")
    );
    assert_eq!(labels(&root), vec!["12025", "22023", "32024"]);
    click_label(&root, 0);
    click_label(&root, 2);
    assert_eq!(
        *reported.borrow(),
        vec![Answer::Choice(2), Answer::Choice(1)]
    );
}

#[wasm_bindgen_test]
async fn multiple_choice_toggles_into_a_sorted_set_of_original_indices() {
    let key = AnswerKey::Multiple {
        choices: choices(),
        correct: vec![0, 1],
    };
    let (root, reported) = mount_question(key, vec![2, 0, 1], Some(Answer::Choices(vec![0]))).await;
    let checked = root.query_selector_all("input:checked").unwrap();
    assert_eq!(checked.length(), 1);
    click_label(&root, 0);
    assert_eq!(*reported.borrow(), vec![Answer::Choices(vec![0, 2])]);
}

#[wasm_bindgen_test]
async fn true_false_question_offers_dung_and_sai() {
    let (root, reported) =
        mount_question(AnswerKey::TrueFalse { correct: false }, vec![0, 1], None).await;
    assert_eq!(labels(&root), vec!["1Đúng", "2Sai"]);
    click_label(&root, 1);
    assert_eq!(*reported.borrow(), vec![Answer::Choice(1)]);
}
