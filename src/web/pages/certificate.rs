//! The printable certificate of a finished attempt.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::contest::ContestRecord;
use crate::credential::{credential_fingerprint, key_fingerprint, verify};
use crate::web::components::Page;
use crate::web::content::contest_bank;
use crate::web::pages::NotFound;
use crate::web::platform::date_time;
use crate::web::routes::Route;
use crate::web::signing::signed_result;
use crate::web::storage::StoreHandle;

/// Props of [`Certificate`].
#[derive(Debug, PartialEq, Properties)]
pub struct CertificateProps {
    /// Which finished attempt (index into the contest history).
    pub index: usize,
}

/// Name, unit, score, date, bank title, and the fingerprints of the key and of the signed
/// result, laid out for printing.
#[function_component(Certificate)]
pub fn certificate(props: &CertificateProps) -> Html {
    let store = use_context::<StoreHandle>().expect("the app provides the store");
    let (bank, _) = contest_bank();
    let record = store.load::<ContestRecord>();
    let Some(attempt) = record.history.get(props.index) else {
        return html! { <NotFound /> };
    };
    let signed = match signed_result(&store, attempt, &bank) {
        Ok(signed) => signed,
        Err(reason) => {
            return html! { <Page title={Route::Certificate { index: props.index }.title()}><p role="alert">{ reason }</p></Page> }
        }
    };
    let Ok(verified) = verify(&signed.to_string()) else {
        return html! { <NotFound /> };
    };
    let result = &verified.result;
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <Page title={Route::Certificate { index: props.index }.title()}>
            <div class="certificate">
                <p class="certificate-kicker">{ "Chứng nhận" }</p>
                <p class="certificate-name">{ &result.participant.name }</p>
                <p>{ &result.participant.unit }</p>
                <p>{ "đã hoàn thành cuộc thi trắc nghiệm" }</p>
                <p class="certificate-bank">{ &bank.title }</p>
                <p class="score">{ format!("{}/{} câu đúng", result.score, result.max_score) }</p>
                <dl class="facts">
                    <dt>{ "Ngày thi" }</dt>
                    <dd>{ date_time(result.started_at as u64) }</dd>
                    <dt>{ "Mã khóa ký" }</dt>
                    <dd>{ key_fingerprint(&verified.issuer) }</dd>
                    <dt>{ "Mã kết quả" }</dt>
                    <dd>{ credential_fingerprint(&signed) }</dd>
                </dl>
                <p class="hint">{ "Kết quả được ký số; đối chiếu mã kết quả với tệp JSON ở trang “Xác minh kết quả”." }</p>
            </div>
            <div class="actions no-print">
                <button type="button" onclick={print}>{ "In giấy chứng nhận" }</button>
                <Link<Route> to={Route::Contest} classes="button secondary">{ "Về cuộc thi" }</Link<Route>>
            </div>
        </Page>
    }
}
