//! Reusable pieces of the page, one component per file.

mod countdown;
mod notice_list;
mod page;
mod question_map;
mod question_view;
mod text_size_picker;

pub use countdown::{Countdown, CountdownProps};
pub use notice_list::{NoticeList, NoticeListProps};
pub use page::{Page, PageProps};
pub use question_map::{QuestionMap, QuestionMapProps};
pub use question_view::{QuestionView, QuestionViewProps};
pub use text_size_picker::{TextSizePicker, TextSizePickerProps};
