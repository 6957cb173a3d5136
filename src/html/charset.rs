//! Bytes of a page → text, in the character set the page or the server
//! says it is in. Japanese sites still serve Shift_JIS and EUC-JP.

use encoding_rs::{Encoding, UTF_8};

/// How far into a page a `<meta charset>` is looked for: the HTML
/// standard asks pages to declare it in their first 1024 bytes.
const SNIFF: usize = 2048;

/// The page's text: decoded as its byte-order mark says, else as the HTTP
/// header says (`declared`), else as its own `<meta>` says, else as UTF-8.
/// Bytes that are not of the encoding become U+FFFD; returns whether any
/// did.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> (String, bool) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared.and_then(|label| Encoding::for_label(label.trim().as_bytes())))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(SNIFF)]))
        .unwrap_or(UTF_8);
    let (text, _, malformed) = encoding.decode(bytes);
    (text.into_owned(), malformed)
}

/// The charset a page's `<meta charset="…">` or `<meta http-equiv
/// content="…; charset=…">` names.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("charset") {
        rest = &rest[at + "charset".len()..];
        let value = rest.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(value.len());
        if let Some(encoding) = Encoding::for_label(&value.as_bytes()[..end]) {
            return Some(encoding);
        }
    }
    None
}

/// The charset a `Content-Type` header names: `text/html; charset=Shift_JIS`.
pub fn from_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_jis_and_euc_jp_pages_decode_as_declared() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("東京で桜が開花");
        let page = [
            b"<html><head><meta charset=\"Shift_JIS\"></head><body>".as_slice(),
            &sjis,
        ]
        .concat();
        assert!(decode(&page, None).0.contains("東京で桜が開花"));
        let (euc, _, _) = encoding_rs::EUC_JP.encode("円安");
        let page = [
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-jp\">".as_slice(),
            &euc,
        ]
        .concat();
        assert!(decode(&page, None).0.contains("円安"));
        // the server's word comes before the page's
        assert!(decode(&sjis, Some("shift_jis")).0.contains("東京"));
        assert_eq!(
            from_content_type("text/html; charset=\"EUC-JP\""),
            Some("EUC-JP")
        );
        let (text, malformed) = decode(b"caf\xe9", None);
        assert!(malformed && text.contains('\u{fffd}'));
    }
}
