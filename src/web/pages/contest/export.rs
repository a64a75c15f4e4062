//! The signed result of a finished attempt: download, copy, certificate.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::attempt::Attempt;
use crate::bank::Bank;
use crate::credential::{key_fingerprint, DidKey};
use crate::text::fold;
use crate::web::platform::{copy_text, date_time, download};
use crate::web::routes::Route;
use crate::web::signing::{device_key, signed_result};
use crate::web::storage::StoreHandle;

/// Props of [`ExportPanel`].
#[derive(Clone, PartialEq, Properties)]
pub struct ExportProps {
    /// The bank the attempt was drawn from.
    pub bank: Rc<Bank>,
    /// The finished attempt.
    pub attempt: Attempt,
    /// Its index in the history (for the certificate's address).
    pub index: usize,
}

/// "Tải kết quả (JSON)", "Sao chép" and the certificate link, with what happened.
#[function_component(ExportPanel)]
pub fn export_panel(props: &ExportProps) -> Html {
    let store = use_context::<StoreHandle>().expect("the app provides the store");
    let status = use_state(|| None::<String>);
    let signed = {
        let (store, attempt, bank) = (store.clone(), props.attempt.clone(), props.bank.clone());
        move || signed_result(&store, &attempt, &bank).map(|v| v.to_string())
    };
    let file_name = format!(
        "ket-qua-{}-{}.json",
        file_slug(&props.attempt.participant().name),
        props
            .attempt
            .started_at()
            .map(date_time)
            .unwrap_or_default()
            .split(' ')
            .nth(1)
            .unwrap_or_default()
            .replace('/', "-")
    );
    let on_download = {
        let (status, signed) = (status.clone(), signed.clone());
        Callback::from(move |_: MouseEvent| {
            let message = match signed().map(|json| download(&file_name, "application/json", &json))
            {
                Ok(Ok(())) => format!("Đã tải tệp {file_name}."),
                Ok(Err(_)) => "Trình duyệt không cho tải tệp xuống.".to_owned(),
                Err(reason) => reason.to_owned(),
            };
            status.set(Some(message));
        })
    };
    let on_copy = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| match signed() {
            Err(reason) => status.set(Some(reason.to_owned())),
            Ok(json) => {
                let status = status.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let message = match copy_text(&json).await {
                        Ok(()) => "Đã sao chép kết quả đã ký vào bộ nhớ tạm.",
                        Err(_) => {
                            "Trình duyệt không cho sao chép; hãy dùng nút “Tải kết quả (JSON)”."
                        }
                    };
                    status.set(Some(message.to_owned()));
                });
            }
        })
    };
    let fingerprint = device_key(&store)
        .ok()
        .map(|key| key_fingerprint(&DidKey::of(&key)));
    html! {
        <section class="panel" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Kết quả đã ký số" }</h2>
            <p>{ "Tệp kết quả được ký bằng khóa riêng lưu trên máy này. Ai cũng kiểm tra được tệp ở trang “Xác minh kết quả”: chỉ cần sửa một chữ, chữ ký sẽ không còn hợp lệ." }</p>
            if let Some(fingerprint) = fingerprint {
                <p>{ "Mã khóa của bạn (8 ký tự cuối): " }<strong>{ fingerprint }</strong></p>
            }
            <div class="actions">
                <button type="button" onclick={on_download}>{ "Tải kết quả (JSON)" }</button>
                <button type="button" class="secondary" onclick={on_copy}>{ "Sao chép" }</button>
                <Link<Route> to={Route::Certificate { index: props.index }} classes="button secondary">{ "Giấy chứng nhận" }</Link<Route>>
            </div>
            <p role="status">{ (*status).clone().unwrap_or_default() }</p>
        </section>
    }
}

/// `name` folded to ASCII words joined by hyphens, for a file name.
fn file_slug(name: &str) -> String {
    let words: Vec<String> = fold(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        "thi-sinh".to_owned()
    } else {
        words.join("-")
    }
}
