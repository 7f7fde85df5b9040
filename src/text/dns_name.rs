//! DNS names in signatures and key records: what a valid name looks like, and whether one
//! name is the same as or below another.

/// True for a dot-separated name of letters, digits, `-` and `_` (or UTF-8 U-labels).
pub fn is_domain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii())
        })
}

/// True when `sub` is `parent` or a subdomain of it (both lower-case).
pub fn is_same_or_subdomain(sub: &str, parent: &str) -> bool {
    sub == parent
        || (sub.len() > parent.len() && sub.ends_with(parent) && sub.as_bytes()[sub.len() - parent.len() - 1] == b'.')
}
