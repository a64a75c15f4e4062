//! Storage key layout: `hocso:v1:<name>` for records, `hocso:corrupt:<key>:<timestamp>` for
//! values moved aside because they could not be read.

/// Prefix of every key the app owns, with the layout version.
pub const NAMESPACE: &str = "hocso:v1:";

/// The key under which the record `name` lives.
pub fn record_key(name: &str) -> String {
    format!("{NAMESPACE}{name}")
}

/// The key a corrupted value of `key` is moved to at `now_ms` (milliseconds since the epoch).
pub fn corrupt_key(key: &str, now_ms: u64) -> String {
    format!("hocso:corrupt:{key}:{now_ms}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_namespaced_and_versioned() {
        assert_eq!(record_key("settings"), "hocso:v1:settings");
        assert_eq!(
            corrupt_key("hocso:v1:settings", 1_700_000_000_000),
            "hocso:corrupt:hocso:v1:settings:1700000000000"
        );
    }
}
