//! Reusable pieces of the page, one component per file.

mod notice_list;
mod page;
mod text_size_picker;

pub use notice_list::NoticeList;
pub use page::Page;
pub use text_size_picker::TextSizePicker;
