//! Paragraphs and list titles as the store keeps them: one per line.

/// Paragraphs or titles stored one per line; a line break inside one
/// (possible only from hand-made input) becomes a space.
pub(super) fn lines(items: &[String]) -> String {
    let mut joined = String::with_capacity(items.iter().map(|p| p.len() + 1).sum());
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            joined.push('\n');
        }
        if item.contains('\n') {
            joined.push_str(&item.replace('\n', " "));
        } else {
            joined.push_str(item);
        }
    }
    joined
}

/// The inverse of [`lines`]; an empty text is an empty list.
pub(super) fn unlines(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n').map(str::to_owned).collect()
    }
}
