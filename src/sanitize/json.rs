//! JSON that is safe on a terminal: serde_json escapes C0 controls, but
//! writes DEL, C1 controls (U+009B is a CSI), bidi overrides and line
//! separators as they are. This writer escapes them too, as `\uXXXX`, so
//! JSON printed to a terminal holds nothing it would act on, and the JSON
//! still decodes to exactly the text that was written.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// Writes `value` as indented JSON, escaping what a terminal would act on.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, Safe(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// A formatter that escapes what [`super::is_unsafe`] names and serde_json
/// does not.
struct Safe<'a>(PrettyFormatter<'a>);

impl Formatter for Safe<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if super::is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                // a character past U+FFFF as JSON writes it: a surrogate pair
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_code_point_a_terminal_would_act_on_is_escaped_and_decodes_back() {
        let text: String = (0..=0x0010_ffff).filter_map(char::from_u32).collect();
        let mut json = Vec::new();
        super::to_writer_pretty(&mut json, &text).expect("written");
        let json = String::from_utf8(json).expect("utf-8");
        assert!(!json.chars().any(crate::sanitize::is_unsafe), "nothing raw");
        assert!(json.contains("\\u009b") && json.contains("\\u007f") && json.contains("\\u202e"));
        assert_eq!(
            serde_json::from_str::<String>(&json).expect("decodes"),
            text
        );
    }
}
