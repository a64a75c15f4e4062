//! The root component: storage, notices, the page frame and the router.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::prefs::Preferences;
use crate::store::{Notice, Store};
use crate::web::components::{NoticeList, TextSizePicker};
use crate::web::routes::{switch, Route};
use crate::web::storage::{LocalStorage, StoreHandle};

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let notices = use_reducer(NoticeQueue::default);
    let store = {
        let notices = notices.clone();
        use_memo((), move |_| {
            StoreHandle::new(
                Store::new(LocalStorage::open()),
                Callback::from(move |n| notices.dispatch(NoticeAction::Push(n))),
            )
        })
    };
    let prefs = {
        let store = store.clone();
        use_state(move || store.load::<Preferences>())
    };
    use_effect_with(prefs.text_size, |size| {
        if let Some(root) = gloo::utils::document().document_element() {
            root.set_class_name(size.css_class());
        }
    });
    let on_text_size = {
        let (store, prefs) = (store.clone(), prefs.clone());
        Callback::from(move |text_size| {
            let next = Preferences { text_size };
            store.save(&next);
            prefs.set(next);
        })
    };
    let on_dismiss = {
        let notices = notices.clone();
        Callback::from(move |()| notices.dispatch(NoticeAction::DismissAll))
    };
    html! {
        <ContextProvider<StoreHandle> context={(*store).clone()}>
            <BrowserRouter>
                <a class="skip-link" href="#main">{ "Bỏ qua, đến nội dung chính" }</a>
                <header class="site-header">
                    <Link<Route> to={Route::Home} classes="brand">{ "Học số" }</Link<Route>>
                    <TextSizePicker value={prefs.text_size} on_change={on_text_size} />
                </header>
                <NoticeList notices={notices.items.clone()} {on_dismiss} />
                <main id="main" tabindex="-1">
                    <Switch<Route> render={switch} />
                </main>
                <footer class="site-footer">
                    <p>{ "Học số chạy hoàn toàn trên trình duyệt của bạn: bài làm và ghi chú chỉ lưu trên máy này." }</p>
                </footer>
            </BrowserRouter>
        </ContextProvider<StoreHandle>>
    }
}

/// The notices about saved data that the learner has not dismissed yet.
#[derive(Default)]
struct NoticeQueue {
    items: Vec<Notice>,
}

enum NoticeAction {
    Push(Notice),
    DismissAll,
}

impl Reducible for NoticeQueue {
    type Action = NoticeAction;

    fn reduce(self: Rc<Self>, action: NoticeAction) -> Rc<Self> {
        let items = match action {
            NoticeAction::Push(notice) if self.items.contains(&notice) => return self,
            NoticeAction::Push(notice) => {
                let mut items = self.items.clone();
                items.push(notice);
                items
            }
            NoticeAction::DismissAll => Vec::new(),
        };
        Rc::new(Self { items })
    }
}
