//! "Xác minh kết quả": checks signed result files (picked, dropped or pasted) — signature,
//! then regrading against the bank — and says for each why it is valid or not.

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use gloo::file::File;
use web_sys::{DragEvent, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::clock::countdown_text;
use crate::credential::{check, credential_fingerprint, key_fingerprint};
use crate::web::components::{KeyPanel, Page};
use crate::web::content::{contest_bank, prepared_contest_bank};
use crate::web::routes::Route;

/// One checked input and what the check found.
#[derive(Debug, Clone, PartialEq)]
struct Checked {
    /// The file name, or "Nội dung dán vào".
    source: String,
    /// The facts of a valid result, or the reason it is not.
    outcome: Result<Vec<(&'static str, String)>, String>,
}

/// Checks `text` against the embedded bank.
fn check_text(source: String, text: &str) -> Checked {
    let (_, digest) = contest_bank();
    let bank = prepared_contest_bank();
    let outcome = check(text, |d| (d == &*digest).then_some(&*bank))
        .map(|(verified, regraded)| {
            let r = &verified.result;
            let fingerprint = serde_json::from_str(text)
                .map(|v| credential_fingerprint(&v))
                .unwrap_or_default();
            vec![
                (
                    "Người dự thi",
                    format!("{} — {}", r.participant.name, r.participant.unit),
                ),
                (
                    "Điểm (đã chấm lại)",
                    format!("{}/{} câu đúng", regraded.score, regraded.max_score),
                ),
                ("Thời gian làm bài", countdown_text(regraded.duration_ms)),
                ("Dự đoán", r.prediction.to_string()),
                ("Mã khóa ký", key_fingerprint(&verified.issuer)),
                ("Mã kết quả", fingerprint),
            ]
        })
        .map_err(|e| e.to_string());
    Checked { source, outcome }
}

/// The verify page.
#[function_component(Verify)]
pub fn verify_page() -> Html {
    let checked = use_state(Vec::<Checked>::new);
    let pasted = use_state(String::new);
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let on_files = {
        let (checked, readers) = (checked.clone(), readers.clone());
        Rc::new(move |files: Option<FileList>| {
            let Some(files) = files else { return };
            checked.set(Vec::new());
            readers.borrow_mut().clear();
            let found = Rc::new(std::cell::RefCell::new(Vec::new()));
            for file in (0..files.length())
                .filter_map(|i| files.get(i))
                .map(File::from)
            {
                let (checked, found, name) = (checked.clone(), found.clone(), file.name());
                let reader = gloo::file::callbacks::read_as_text(&file, move |text| {
                    let item = match text {
                        Ok(text) => check_text(name, &text),
                        Err(_) => Checked {
                            source: name,
                            outcome: Err("không đọc được tệp".to_owned()),
                        },
                    };
                    found.borrow_mut().push(item);
                    checked.set(found.borrow().clone());
                });
                readers.borrow_mut().push(reader);
            }
        })
    };
    let on_pick = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            on_files(e.target_unchecked_into::<HtmlInputElement>().files())
        })
    };
    let on_drop = {
        let on_files = on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            on_files(e.data_transfer().and_then(|d| d.files()));
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_check_pasted = {
        let (pasted, checked) = (pasted.clone(), checked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            checked.set(vec![check_text("Nội dung dán vào".to_owned(), &pasted)]);
        })
    };
    html! {
        <Page title={Route::Verify.title()}>
            <p class="lead">{ Route::Verify.summary() }</p>
            <div class="panel drop-zone" ondrop={on_drop} ondragover={on_drag_over}>
                <label for="result-files">{ "Chọn tệp kết quả (.json)" }</label>
                <input id="result-files" type="file" accept=".json,application/json" multiple=true onchange={on_pick} />
                <p class="hint">{ "Có thể chọn nhiều tệp một lúc, hoặc kéo thả tệp vào khung này." }</p>
            </div>
            <form class="form" onsubmit={on_check_pasted}>
                <div class="field">
                    <label for="result-text">{ "Hoặc dán nội dung JSON" }</label>
                    <textarea id="result-text" rows="6" value={(*pasted).clone()} oninput={on_paste_input} spellcheck="false" />
                </div>
                <div class="actions"><button type="submit">{ "Kiểm tra" }</button></div>
            </form>
            <section aria-labelledby="checks-heading" aria-live="polite">
                if !checked.is_empty() {
                    <h2 id="checks-heading">{ "Kết quả kiểm tra" }</h2>
                    <ul class="review" aria-labelledby="checks-heading">
                        { for checked.iter().map(|c| html! {
                            <li class={classes!("review-item", if c.outcome.is_ok() { "correct" } else { "wrong" })}>
                                <h3>{ &c.source }{ ": " }<span class="verdict">{ if c.outcome.is_ok() { "Hợp lệ" } else { "Không hợp lệ" } }</span></h3>
                                { match &c.outcome {
                                    Ok(facts) => html! {
                                        <dl class="facts">
                                            { for facts.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v }</dd></> }) }
                                        </dl>
                                    },
                                    Err(reason) => html! { <p>{ "Lý do: " }{ reason }</p> },
                                } }
                            </li>
                        }) }
                    </ul>
                }
            </section>
            <KeyPanel />
        </Page>
    }
}
