//! The learner's signing key: its identifier, a backup file, and restoring from one (never
//! replacing a different key without asking).

use ed25519_dalek::SigningKey;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::credential::backup::{backup, restore};
use crate::credential::{key_fingerprint, DidKey, KeyRecord};
use crate::web::platform::{download, now_ms};

use crate::web::storage::StoreHandle;

/// Identifier, backup, restore.
#[function_component(KeyPanel)]
pub fn key_panel() -> Html {
    let store = use_context::<StoreHandle>().expect("the app provides the store");
    let current = use_state(|| store.load::<KeyRecord>().key().and_then(Result::ok));
    let pending = use_state(|| None::<SigningKey>);
    let message = use_state(String::new);
    let reader = use_mut_ref(|| None::<FileReader>);
    let did = current.as_ref().map(DidKey::of);
    let on_backup = {
        let (current, message) = (current.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(key) = current.as_ref() else { return };
            let name = format!("khoa-hoc-so-{}.json", key_fingerprint(&DidKey::of(key)));
            let text =
                serde_json::to_string_pretty(&backup(key, now_ms() as i64)).unwrap_or_default();
            message.set(match download(&name, "application/json", &text) {
                Ok(()) => format!("Đã tải bản sao lưu {name}. Hãy cất giữ tệp này cẩn thận: ai có tệp cũng ký được bằng khóa của bạn."),
                Err(_) => "Trình duyệt không cho tải tệp xuống.".to_owned(),
            });
        })
    };
    let install = {
        let (store, current, pending, message) = (
            store.clone(),
            current.clone(),
            pending.clone(),
            message.clone(),
        );
        Callback::from(move |key: SigningKey| {
            store.save(&KeyRecord::of(&key));
            message.set(format!(
                "Đã khôi phục khóa có mã …{}.",
                key_fingerprint(&DidKey::of(&key))
            ));
            current.set(Some(key));
            pending.set(None);
        })
    };
    let on_restore = {
        let (current, pending, message, reader, install) = (
            current.clone(),
            pending.clone(),
            message.clone(),
            reader.clone(),
            install.clone(),
        );
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)).map(File::from) else {
                return;
            };
            // Let the same file be picked again (after "Giữ khóa hiện tại", for one).
            input.set_value("");
            let (current, pending, message, install) = (
                current.clone(),
                pending.clone(),
                message.clone(),
                install.clone(),
            );
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| {
                let restored = text
                    .map_err(|_| "không đọc được tệp".to_owned())
                    .and_then(|t| restore(&t).map_err(|e| e.to_string()));
                match restored {
                    Err(reason) => message.set(format!(
                        "Không khôi phục được khóa: {reason}. Khóa hiện tại vẫn giữ nguyên."
                    )),
                    Ok(key) => match current.as_ref() {
                        Some(existing) if existing.to_bytes() != key.to_bytes() => {
                            message.set(String::new());
                            pending.set(Some(key));
                        }
                        _ => install.emit(key),
                    },
                }
            }));
        })
    };
    let confirm = {
        let (pending, install) = (pending.clone(), install.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(key) = (*pending).clone() {
                install.emit(key);
            }
        })
    };
    let keep = {
        let (pending, message) = (pending.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            pending.set(None);
            message.set("Đã giữ khóa hiện tại.".to_owned());
        })
    };
    html! {
        <section class="panel" aria-labelledby="key-heading">
            <h2 id="key-heading">{ "Khóa ký số của bạn" }</h2>
            if let Some(did) = &did {
                <p>{ "Mã định danh: " }<code class="did">{ did.to_string() }</code></p>
                <div class="actions">
                    <button type="button" class="secondary" onclick={on_backup}>{ "Sao lưu khóa" }</button>
                </div>
            } else {
                <p>{ "Máy này chưa có khóa ký số: khóa được tạo khi bạn tải kết quả thi đầu tiên." }</p>
            }
            <div class="field">
                <label for="key-restore">{ "Khôi phục khóa từ tệp sao lưu" }</label>
                <input id="key-restore" type="file" accept=".json,application/json" onchange={on_restore} />
            </div>
            if let (Some(new), Some(old)) = (pending.as_ref(), current.as_ref()) {
                <div class="panel" role="alertdialog" aria-labelledby="replace-heading" aria-describedby="replace-text">
                    <h3 id="replace-heading">{ "Thay khóa ký số?" }</h3>
                    <p id="replace-text">{ format!(
                        "Máy này đang có khóa …{}. Thay bằng khóa …{} trong tệp? Kết quả đã ký bằng khóa cũ vẫn hợp lệ, nhưng kết quả mới sẽ mang mã định danh khác.",
                        key_fingerprint(&DidKey::of(old)), key_fingerprint(&DidKey::of(new))
                    ) }</p>
                    <div class="actions">
                        <button type="button" onclick={confirm}>{ "Thay khóa" }</button>
                        <button type="button" class="secondary" onclick={keep}>{ "Giữ khóa hiện tại" }</button>
                    </div>
                </div>
            }
            <p role="status">{ (*message).clone() }</p>
        </section>
    }
}
