//! The participant form: who takes the contest, and its validation with Vietnamese messages.

use serde::{Deserialize, Serialize};

/// Longest accepted name, in characters.
pub const NAME_MAX_CHARS: usize = 100;
/// Longest accepted unit (đơn vị / chi bộ), in characters.
pub const UNIT_MAX_CHARS: usize = 200;

/// The participant form as typed. Phone and email are optional: empty means not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Họ và tên.
    pub name: String,
    /// Đơn vị / chi bộ.
    pub unit: String,
    /// Số điện thoại (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// Email (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}

/// A field of the participant form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Họ và tên.
    Name,
    /// Đơn vị / chi bộ.
    Unit,
    /// Số điện thoại.
    Phone,
    /// Email.
    Email,
}

/// A problem with one field, with the Vietnamese message shown next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field.
    pub field: Field,
    /// The message for the learner (Vietnamese).
    pub message: &'static str,
}

impl Participant {
    /// Every problem of the form, in field order; empty when it can be submitted.
    pub fn validate(&self) -> Vec<FieldError> {
        [
            (Field::Name, validate_name(&self.name)),
            (Field::Unit, validate_unit(&self.unit)),
            (Field::Phone, validate_phone(&self.phone)),
            (Field::Email, validate_email(&self.email)),
        ]
        .into_iter()
        .filter_map(|(field, result)| result.err().map(|message| FieldError { field, message }))
        .collect()
    }

    /// The form with surrounding whitespace removed and inner runs of whitespace collapsed.
    pub fn tidied(&self) -> Participant {
        let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        Participant {
            name: tidy(&self.name),
            unit: tidy(&self.unit),
            phone: self.phone.trim().to_owned(),
            email: self.email.trim().to_owned(),
        }
    }

    /// Sets one field.
    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Name => self.name = value,
            Field::Unit => self.unit = value,
            Field::Phone => self.phone = value,
            Field::Email => self.email = value,
        }
    }
}

/// Họ và tên: required, at most [`NAME_MAX_CHARS`] characters.
pub fn validate_name(name: &str) -> Result<(), &'static str> {
    let name = name.trim();
    if name.is_empty() {
        Err("Vui lòng nhập họ và tên")
    } else if name.chars().count() > NAME_MAX_CHARS {
        Err("Họ và tên không được dài quá 100 ký tự")
    } else {
        Ok(())
    }
}

/// Đơn vị / chi bộ: required, at most [`UNIT_MAX_CHARS`] characters.
pub fn validate_unit(unit: &str) -> Result<(), &'static str> {
    let unit = unit.trim();
    if unit.is_empty() {
        Err("Vui lòng nhập đơn vị hoặc chi bộ")
    } else if unit.chars().count() > UNIT_MAX_CHARS {
        Err("Tên đơn vị không được dài quá 200 ký tự")
    } else {
        Ok(())
    }
}

/// Số điện thoại, optional: a Vietnamese number of 10 or 11 digits starting with 0 (or with
/// `+84` / `84` in place of the 0); spaces, dots and hyphens between digits are allowed.
pub fn validate_phone(phone: &str) -> Result<(), &'static str> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Ok(());
    }
    let compact: String = phone
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect();
    let national = if let Some(rest) = compact.strip_prefix("+84") {
        format!("0{rest}")
    } else if let Some(rest) = compact.strip_prefix("84").filter(|r| r.len() >= 9) {
        format!("0{rest}")
    } else {
        compact
    };
    let valid = national.starts_with('0')
        && (10..=11).contains(&national.len())
        && national.bytes().all(|b| b.is_ascii_digit());
    if valid {
        Ok(())
    } else {
        Err("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)")
    }
}

/// Email, optional: one `@`, a non-empty local part, a domain of non-empty dot-separated labels
/// with at least one dot, no whitespace, at most 254 characters.
pub fn validate_email(email: &str) -> Result<(), &'static str> {
    let email = email.trim();
    if email.is_empty() {
        return Ok(());
    }
    let valid = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && domain.split('.').all(|label| !label.is_empty())
            }
            None => false,
        };
    if valid {
        Ok(())
    } else {
        Err("Địa chỉ email không hợp lệ (ví dụ: ten@example.vn)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAD_PHONE: &str = "Số điện thoại không hợp lệ (ví dụ: 0912 345 678)";
    const BAD_EMAIL: &str = "Địa chỉ email không hợp lệ (ví dụ: ten@example.vn)";

    #[test]
    fn phone_table() {
        let cases = [
            ("", Ok(())),
            ("  ", Ok(())),
            ("0912345678", Ok(())),
            ("0912 345 678", Ok(())),
            ("0912.345.678", Ok(())),
            ("+84 912 345 678", Ok(())),
            ("84912345678", Ok(())),
            ("024 3825 1234", Ok(())),
            ("091234567", Err(BAD_PHONE)),
            ("912345678", Err(BAD_PHONE)),
            ("0912345678901", Err(BAD_PHONE)),
            ("09123a5678", Err(BAD_PHONE)),
            ("０９１２３４５６７８", Err(BAD_PHONE)),
        ];
        for (input, expected) in cases {
            assert_eq!(validate_phone(input), expected, "{input:?}");
        }
    }

    #[test]
    fn email_table() {
        let cases = [
            ("", Ok(())),
            ("an@example.vn", Ok(())),
            (" an.nguyen@mail.dangcongsan.vn ", Ok(())),
            ("an@example", Err(BAD_EMAIL)),
            ("@example.vn", Err(BAD_EMAIL)),
            ("an@@example.vn", Err(BAD_EMAIL)),
            ("an@example..vn", Err(BAD_EMAIL)),
            ("an nguyen@example.vn", Err(BAD_EMAIL)),
            ("an.example.vn", Err(BAD_EMAIL)),
        ];
        for (input, expected) in cases {
            assert_eq!(validate_email(input), expected, "{input:?}");
        }
    }

    #[test]
    fn name_and_unit() {
        assert_eq!(validate_name("  "), Err("Vui lòng nhập họ và tên"));
        assert_eq!(validate_name("Nguyễn Văn An"), Ok(()));
        assert_eq!(validate_name(&"ễ".repeat(100)), Ok(()));
        assert_eq!(
            validate_name(&"ễ".repeat(101)),
            Err("Họ và tên không được dài quá 100 ký tự")
        );
        assert_eq!(validate_unit(""), Err("Vui lòng nhập đơn vị hoặc chi bộ"));
        assert_eq!(
            validate_unit(&"a".repeat(201)),
            Err("Tên đơn vị không được dài quá 200 ký tự")
        );
    }

    #[test]
    fn validate_lists_every_problem_in_field_order() {
        let form = Participant {
            name: String::new(),
            unit: " ".into(),
            phone: "123".into(),
            email: "x".into(),
        };
        let fields: Vec<Field> = form.validate().iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [Field::Name, Field::Unit, Field::Phone, Field::Email]
        );
        let ok = Participant {
            name: "Trần Thị Bình".into(),
            unit: "Chi bộ 3".into(),
            ..Participant::default()
        };
        assert!(ok.validate().is_empty());
    }

    #[test]
    fn tidied_collapses_whitespace() {
        let form = Participant {
            name: "  Lê   Văn\tCường ".into(),
            unit: " Chi bộ  5 ".into(),
            phone: " 0912345678 ".into(),
            email: " a@b.vn".into(),
        };
        let t = form.tidied();
        assert_eq!(t.name, "Lê Văn Cường");
        assert_eq!(t.unit, "Chi bộ 5");
        assert_eq!(t.phone, "0912345678");
        assert_eq!(t.email, "a@b.vn");
    }
}
