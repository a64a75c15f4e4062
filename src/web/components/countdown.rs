//! The contest clock: visible `mm:ss`, and polite spoken warnings at five and one minutes.

use yew::prelude::*;

use crate::clock::{countdown_text, countdown_warning};

/// Props of [`Countdown`].
#[derive(Debug, PartialEq, Properties)]
pub struct CountdownProps {
    /// Milliseconds left.
    pub remaining_ms: u64,
}

/// Shows the time left; a separate live region speaks only the warnings.
#[function_component(Countdown)]
pub fn countdown(props: &CountdownProps) -> Html {
    let urgent = props.remaining_ms <= 60_000;
    html! {
        <div class={classes!("countdown", urgent.then_some("urgent"))}>
            <span class="countdown-label">{ "Thời gian còn lại" }</span>
            <span role="timer" class="countdown-time">{ countdown_text(props.remaining_ms) }</span>
            <span class="visually-hidden" aria-live="polite">
                { countdown_warning(props.remaining_ms).unwrap_or_default() }
            </span>
        </div>
    }
}
