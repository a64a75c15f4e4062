//! Every address of the app and the page each one shows.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::pages::{
    Certificate, Contest, HandbookDocument, HandbookIndex, Home, NotFound, UnderConstruction,
    Verify,
};

/// The app's routes; the paths are Vietnamese words without diacritics.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// The home page with every entry.
    #[at("/")]
    Home,
    /// The resolution quiz contest.
    #[at("/cuoc-thi")]
    Contest,
    /// The printable certificate of a finished attempt (an index into the history).
    #[at("/cuoc-thi/giay-chung-nhan/:index")]
    Certificate {
        /// Which finished attempt.
        index: usize,
    },
    /// Practice with spaced repetition.
    #[at("/luyen-tap")]
    Practice,
    /// The party member's digital handbook: its documents.
    #[at("/so-tay")]
    Handbook,
    /// One handbook document.
    #[at("/so-tay/:id")]
    HandbookDocument {
        /// The document id.
        id: String,
    },
    /// The "Bình dân học vụ số" digital-skills lessons.
    #[at("/binh-dan-hoc-vu-so")]
    Lessons,
    /// Verification of signed results.
    #[at("/xac-minh")]
    Verify,
    /// Embed codes for portals.
    #[at("/nhung")]
    Embed,
    /// Any address the app does not know.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The entries listed on the home page, in order.
    pub const ENTRIES: [Route; 6] = [
        Route::Contest,
        Route::Practice,
        Route::Handbook,
        Route::Lessons,
        Route::Verify,
        Route::Embed,
    ];

    /// The page's name, as its heading and in the browser tab.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Học số",
            Route::Contest => "Cuộc thi",
            Route::Certificate { .. } => "Giấy chứng nhận",
            Route::Practice => "Luyện tập",
            Route::Handbook | Route::HandbookDocument { .. } => "Sổ tay",
            Route::Lessons => "Bình dân học vụ số",
            Route::Verify => "Xác minh kết quả",
            Route::Embed => "Nhúng",
            Route::NotFound => "Không tìm thấy trang",
        }
    }

    /// One sentence saying what the page is for.
    pub fn summary(&self) -> &'static str {
        match self {
            Route::Home => "Học và thi tìm hiểu nghị quyết ngay trên trình duyệt, kể cả khi không có mạng.",
            Route::Certificate { .. } => "Giấy chứng nhận kết quả cuộc thi, để in hoặc lưu thành PDF.",
            Route::Contest => "Cuộc thi trắc nghiệm tìm hiểu nghị quyết: làm bài có tính giờ, dự đoán số người trả lời đúng, xem kết quả và lời giải.",
            Route::Practice => "Ôn luyện câu hỏi với phản hồi ngay và lịch ôn tập ngắt quãng, theo dõi mức độ thành thạo từng chủ đề.",
            Route::Handbook | Route::HandbookDocument { .. } => "Sổ tay đảng viên điện tử: tài liệu về Nghị quyết 57 và việc thực hiện, đọc ngay trong ứng dụng.",
            Route::Lessons => "Các bài học kỹ năng số theo từng bước, có câu hỏi kiểm tra và lưu tiến độ.",
            Route::Verify => "Kiểm tra tệp kết quả đã ký số: biết ngay tệp có bị sửa đổi hay không và điểm có khớp với bài làm.",
            Route::Embed => "Lấy đoạn mã để nhúng cuộc thi hoặc bài luyện tập vào cổng thông tin điện tử.",
            Route::NotFound => "Địa chỉ này không có trong ứng dụng.",
        }
    }
}

/// Draws the page for `route`.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Contest => html! { <Contest /> },
        Route::Certificate { index } => html! { <Certificate {index} /> },
        Route::Verify => html! { <Verify /> },
        Route::Handbook => html! { <HandbookIndex /> },
        Route::HandbookDocument { id } => html! { <HandbookDocument {id} /> },
        Route::NotFound => html! { <NotFound /> },
        other => html! { <UnderConstruction route={other} /> },
    }
}
