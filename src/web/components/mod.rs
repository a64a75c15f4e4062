//! Reusable pieces of the page, one component per file.

mod notice_list;
mod page;
mod text_size_picker;

pub use notice_list::{NoticeList, NoticeListProps};
pub use page::{Page, PageProps};
pub use text_size_picker::{TextSizePicker, TextSizePickerProps};
