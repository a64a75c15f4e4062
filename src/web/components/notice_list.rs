//! The banner that tells the learner what happened to their saved data.

use yew::prelude::*;

use crate::store::Notice;

/// Props of [`NoticeList`].
#[derive(Debug, PartialEq, Properties)]
pub struct NoticeListProps {
    /// The notices to show; nothing is drawn when empty.
    pub notices: Vec<Notice>,
    /// Called when the learner dismisses the banner.
    pub on_dismiss: Callback<()>,
}

/// Shows every pending notice in a live region, with a button to dismiss them.
#[function_component(NoticeList)]
pub fn notice_list(props: &NoticeListProps) -> Html {
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notices" role="status" aria-live="polite">
            if !props.notices.is_empty() {
                <div class="notice">
                    <ul>
                        { for props.notices.iter().map(|n| html! { <li>{ n.message() }</li> }) }
                    </ul>
                    <button type="button" onclick={on_click}>{ "Đã hiểu" }</button>
                </div>
            }
        </div>
    }
}
