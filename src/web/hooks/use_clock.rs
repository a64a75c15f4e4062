//! A clock that ticks once a second while it is needed.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::web::platform::now_ms;

/// Owns a one-second interval while `running`, and returns the time (ms since the epoch) of
/// the latest tick, so the component re-renders every second.
#[hook]
pub fn use_clock(running: bool) -> u64 {
    let now = use_state(now_ms);
    {
        let now = now.clone();
        use_effect_with(running, move |running| {
            now.set(now_ms());
            let interval = running.then(|| Interval::new(1_000, move || now.set(now_ms())));
            move || drop(interval)
        });
    }
    *now
}
