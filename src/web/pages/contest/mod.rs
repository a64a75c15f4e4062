//! The "Cuộc thi" page: draws the contest screen reducer's current stage and saves its record
//! after every change.

mod export;
mod finish;
mod form;
mod questions;
mod result;

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::contest::{Action, ContestRecord, ContestScreen, Stage};
use crate::web::components::Page;
use crate::web::content::contest_bank;
use crate::web::hooks::use_clock;
use crate::web::platform::now_ms;
use crate::web::routes::Route;
use crate::web::storage::StoreHandle;

use finish::FinishStep;
use form::FormStep;
use questions::QuestionsStep;
use result::ResultStep;

/// The contest screen as Yew state.
#[derive(Debug, Clone, PartialEq)]
pub struct ContestState(ContestScreen);

impl Deref for ContestState {
    type Target = ContestScreen;

    fn deref(&self) -> &ContestScreen {
        &self.0
    }
}

impl Reducible for ContestState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

/// Props shared by the steps: the state and a way to act on it.
#[derive(Clone, PartialEq, Properties)]
pub struct StepProps {
    /// The contest screen.
    pub state: UseReducerHandle<ContestState>,
}

/// The contest page.
#[function_component(Contest)]
pub fn contest() -> Html {
    let store = use_context::<StoreHandle>().expect("the app provides the store");
    let state = {
        let store = store.clone();
        use_reducer(move || {
            let (bank, digest) = contest_bank();
            let record = store.load::<ContestRecord>();
            ContestState(ContestScreen::new(bank, digest, record, now_ms()))
        })
    };
    use_effect_with(state.record().clone(), move |record| store.save(record));
    let running = state.current().is_some();
    let now = use_clock(running);
    {
        let state = state.clone();
        use_effect_with(now, move |now| {
            if running {
                state.dispatch(Action::Tick(*now));
            }
        });
    }
    let body = match state.stage() {
        Stage::Form => html! { <FormStep state={state.clone()} /> },
        Stage::Questions => html! { <QuestionsStep state={state.clone()} {now} /> },
        Stage::Finish => html! { <FinishStep state={state.clone()} {now} /> },
        Stage::Result(index) => html! { <ResultStep state={state.clone()} {index} /> },
    };
    html! {
        <Page title={Route::Contest.title()}>
            <p class="lead">{ &state.bank().title }</p>
            if state.error().is_some() {
                <p class="field-error" role="alert">
                    { "Không thực hiện được thao tác này. Hãy tải lại trang; bài làm đã được lưu." }
                </p>
            }
            { body }
        </Page>
    }
}
