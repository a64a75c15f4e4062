//! What the learner must be told about their saved data, in Vietnamese.

/// An event about saved data that the learner should see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A saved value could not be read; it was kept under `aside_key` and the app starts afresh.
    MovedAside {
        /// The key whose value was unreadable.
        key: String,
        /// Where the unreadable value was copied to.
        aside_key: String,
    },
    /// Browser storage cannot be used; data lives in memory until the page closes.
    Unavailable,
    /// Browser storage is full; the latest changes live in memory until the page closes.
    QuotaExceeded,
}

impl Notice {
    /// The sentence shown to the learner.
    pub fn message(&self) -> String {
        match self {
            Notice::MovedAside { aside_key, .. } => format!(
                "Không đọc được một phần dữ liệu đã lưu trên máy này. Dữ liệu cũ được giữ nguyên \
                 dưới khoá “{aside_key}” và ứng dụng bắt đầu lại phần đó từ đầu."
            ),
            Notice::Unavailable => {
                "Trình duyệt không cho phép lưu dữ liệu (có thể do chế độ ẩn danh). \
                 Bạn vẫn dùng được ứng dụng, nhưng tiến độ sẽ mất khi đóng trang."
                    .to_owned()
            }
            Notice::QuotaExceeded => {
                "Bộ nhớ của trình duyệt đã đầy nên thay đổi mới chưa được lưu \
                 lâu dài. Hãy giải phóng dung lượng rồi tải lại trang."
                    .to_owned()
            }
        }
    }
}
