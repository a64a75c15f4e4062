//! Components mounted in a real DOM: what they draw and what they report back.

use std::cell::RefCell;
use std::rc::Rc;

use hocso::prefs::TextSize;
use hocso::store::Notice;
use hocso::web::components::{NoticeList, NoticeListProps, TextSizePicker, TextSizePickerProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Event, HtmlElement, HtmlSelectElement};
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
