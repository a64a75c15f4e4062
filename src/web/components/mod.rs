//! Reusable pieces of the page, one component per file.

mod countdown;
mod document_view;
mod handbook_link;
mod key_panel;
mod notice_list;
mod page;
mod question_map;
mod question_view;
mod text_size_picker;

pub use countdown::{Countdown, CountdownProps};
pub use document_view::{DocumentView, DocumentViewProps};
pub use handbook_link::{handbook_path, HandbookLink, HandbookLinkProps};
pub use key_panel::KeyPanel;
pub use notice_list::{NoticeList, NoticeListProps};
pub use page::{Page, PageProps};
pub use question_map::{QuestionMap, QuestionMapProps};
pub use question_view::{QuestionView, QuestionViewProps};
pub use text_size_picker::{TextSizePicker, TextSizePickerProps};
