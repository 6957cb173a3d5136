//! Text → logical lines. A dump written by hand or copied from a browser
//! has a line a paragraph; what w3m, lynx, html2text and trafilatura make of
//! a page does not: they wrap lines at 72–80 columns, mark list items with
//! bullets, headings and links with Markdown or with lynx's `[12]`
//! references, and put a front matter or a link list around it all. This
//! module undoes that, so the parser sees a logical line for each
//! paragraph, heading and list item, whatever wrote the text. Plain dumps
//! take a fast path: a line is a logical line.

use std::borrow::Cow;
use std::collections::HashMap;

use super::markup;
use crate::text::width;

/// How a logical line was marked in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Nothing: a line of text.
    Plain,
    /// A list item: `*`, `•`, `+`, `□`, `1.`, … before it.
    Bullet,
    /// A Markdown heading of this level.
    Heading(u8),
    /// An image and nothing else: `[img]`, `![…](…)`, `[20241013-OYT1I50041-1]`.
    Image,
}

/// One logical line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'a> {
    /// The text, markup taken out; not yet cleaned of controls.
    pub text: Cow<'a, str>,
    /// The line of the file it starts on, from 1.
    pub line: usize,
    pub mark: Mark,
    /// Where the line links to, when it is a link and little else.
    pub url: Option<String>,
}

/// What the text says about itself apart from its lines: a front matter's
/// fields (trafilatura writes one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub fields: HashMap<String, String>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(String::as_str)
    }
}

/// The logical lines of a text, its front matter, and how many lines the
/// text has.
pub fn units(text: &str) -> (Vec<Unit<'_>>, FrontMatter, usize) {
    let shape = Shape::of(text, lines_of(text));
    if !shape.rendered() {
        let mut count = 0;
        let mut units = Vec::with_capacity(32);
        for (index, line) in lines_of(text).enumerate() {
            count = index + 1;
            let line = line.trim();
            if !line.is_empty() {
                units.push(Unit {
                    text: Cow::Borrowed(line),
                    line: index + 1,
                    mark: Mark::Plain,
                    url: None,
                });
            }
        }
        return (units, FrontMatter::default(), count);
    }
    let lines: Vec<&str> = lines_of(text).collect();
    let (units, front) = Renderer::new(shape).run(&lines);
    (units, front, lines.len())
}

/// The lines of a text, split at byte speed.
fn lines_of(text: &str) -> impl Iterator<Item = &str> + Clone {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain([None])
        .map(move |end| {
            let line = &text[start..end.unwrap_or(text.len())];
            start = end.map_or(start, |end| end + 1);
            line
        })
}

/// What a first look at the text finds.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    /// The column lines were wrapped at, when they were.
    wrap: Option<usize>,
    /// Markdown markup (html2text, trafilatura).
    markdown: bool,
    /// lynx's link header or bullets.
    lynx: bool,
    /// Bulleted lists, as w3m and lynx draw them.
    bullets: bool,
}

impl Shape {
    fn rendered(self) -> bool {
        self.wrap.is_some() || self.markdown || self.lynx || self.bullets
    }

    /// Looks at the text once: at byte speed for a plain dump, whose long
    /// paragraph lines say at once that nothing wrapped it.
    fn of<'a>(text: &str, lines: impl Iterator<Item = &'a str> + Clone) -> Self {
        let mut shape = Self::default();
        let first = text.trim_start_matches('\u{feff}').trim_start();
        shape.markdown = first.starts_with("---\n") || first.starts_with("---\r\n");
        shape.lynx = first.starts_with("#[") || first.starts_with('#') && first.contains("oEmbed");
        let mut widest = 0;
        let mut long = false;
        for line in lines.clone() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let trimmed = line.trim_start();
            // `](` is rare: look for the `]` first, at byte speed
            let has_link = memchr::memchr(b']', line.as_bytes()).is_some() && line.contains("](");
            if trimmed.starts_with("# ")
                || trimmed.starts_with("## ")
                || trimmed.starts_with("![")
                || trimmed.starts_with("* [")
                || (has_link && line.contains("](http"))
            {
                shape.markdown = true;
            }
            if trimmed.starts_with("* [") || trimmed.starts_with("+ [") {
                shape.lynx = true;
            }
            // a renderer's indented bullets (a dump's own `- item` is not)
            if line.starts_with(' ')
                && ["• ", "* ", "□ ", "◦ ", "+ ", "■ ", "▪ "]
                    .iter()
                    .any(|bullet| trimmed.starts_with(bullet))
            {
                shape.bullets = true;
            }
            if long {
                continue;
            }
            // a link's address is never wrapped: it says nothing of the width
            if has_link || line.contains("http") {
                continue;
            }
            if line.len() > 400 {
                long = true;
                continue;
            }
            let columns = if line.is_ascii() {
                line.len()
            } else {
                width(line)
            };
            if columns > 100 {
                long = true;
            } else {
                widest = widest.max(columns);
            }
        }
        // renderers set paragraphs apart with blank lines; dumps seldom do
        if !long
            && (60..=100).contains(&widest)
            && lines.clone().filter(|l| l.trim().is_empty()).count() >= 3
            && wrapped_blocks(lines, widest) >= 2
        {
            shape.wrap = Some(widest);
        }
        shape
    }
}

/// Blocks (runs of lines between blank ones) whose first line is as wide
/// as the text gets and which go on: paragraphs a renderer wrapped.
fn wrapped_blocks<'a>(lines: impl Iterator<Item = &'a str>, widest: usize) -> usize {
    let mut count = 0;
    let mut previous: Option<&str> = None;
    for line in lines {
        let line = line.trim_end_matches('\r');
        if let Some(before) = previous
            && !line.trim().is_empty()
            && width(before) + 12 >= widest
        {
            count += 1;
        }
        previous = (!line.trim().is_empty()).then_some(line);
    }
    count
}

struct Renderer {
    shape: Shape,
}

impl Renderer {
    fn new(shape: Shape) -> Self {
        Self { shape }
    }

    fn run<'a>(self, lines: &[&str]) -> (Vec<Unit<'a>>, FrontMatter) {
        let mut lines: Vec<(usize, &str)> = lines
            .iter()
            .map(|line| line.trim_end_matches('\r'))
            .enumerate()
            .map(|(index, line)| (index + 1, line))
            .collect();
        let front = front_matter(&mut lines);
        let references = references(&mut lines);
        let logical = self.logical_lines(&lines);
        let mut units: Vec<Unit<'a>> = Vec::with_capacity(logical.len());
        for (line, text) in logical {
            let unit = markup::reduce(line, &text, self.shape.markdown, &references);
            // lynx puts an item's heading under its bullet: `* [32]`, a
            // blank line, then the title
            if let Some(last) = units.last_mut()
                && last.mark == Mark::Bullet
                && last.text.is_empty()
                && unit.mark != Mark::Bullet
            {
                last.text = unit.text;
                last.url = last.url.take().or(unit.url);
                continue;
            }
            units.push(unit);
        }
        units.retain(|unit| !unit.text.trim().is_empty() || unit.mark == Mark::Image);
        (units, front)
    }

    /// Lines joined back where a renderer wrapped them: a line runs on
    /// into the next when the next one's first word would not have fitted
    /// after it. Blank lines, bullets and Markdown's hard breaks end a line.
    fn logical_lines(&self, lines: &[(usize, &str)]) -> Vec<(usize, String)> {
        // renderers break a line a few columns short of their width
        const SLACK: usize = 3;
        let mut out: Vec<(usize, String)> = Vec::new();
        let mut open = false;
        let mut previous_width = 0;
        let mut hard_break = false;
        // where the text of the list item being read starts
        let mut item_column: Option<usize> = None;
        for &(number, line) in lines {
            if line.trim().is_empty() {
                open = false;
                item_column = None;
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let item = markup::bullet(line);
            let starts_item =
                item.is_some() || line.trim_start().starts_with('#') || markup::is_image_line(line);
            let first_word = line.split_whitespace().next().map_or(0, width);
            let runs_on = match self.shape.wrap {
                Some(wrap) => previous_width + 1 + first_word + SLACK > wrap,
                None => false,
            };
            // an item's lines after its first stand under its text
            let continues_item = item_column.is_some_and(|column| indent >= column);
            item_column = match item {
                Some(text) => Some(line.len() - text.len()),
                None if continues_item => item_column,
                None => None,
            };
            if open && !starts_item && !hard_break && (runs_on || continues_item) {
                let (_, text) = out.last_mut().expect("an open line");
                join(text, line.trim());
            } else {
                out.push((number, line.to_owned()));
            }
            open = true;
            previous_width = width(line.trim_end());
            hard_break = line.ends_with("  ");
        }
        out
    }
}

/// Appends a wrapped line's rest: with a space, except between CJK
/// characters, which have none.
fn join(text: &mut String, rest: &str) {
    let before = text.trim_end().chars().last();
    let after = rest.chars().next();
    let cjk = |c: Option<char>| c.is_some_and(crate::search::is_cjk);
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    if !(cjk(before) && cjk(after)) {
        text.push(' ');
    }
    text.push_str(rest);
}

/// Takes a front matter (`---`, `key: value` lines, `---`) off the top.
fn front_matter(lines: &mut Vec<(usize, &str)>) -> FrontMatter {
    let mut front = FrontMatter::default();
    let start = lines.iter().position(|(_, l)| !l.trim().is_empty());
    let Some(start) = start.filter(|&at| lines[at].1.trim() == "---") else {
        return front;
    };
    let Some(end) = lines[start + 1..]
        .iter()
        .position(|(_, l)| l.trim() == "---")
        .map(|at| at + start + 1)
    else {
        return front;
    };
    for (_, line) in &lines[start + 1..end] {
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches('"').trim_matches('\'');
            front
                .fields
                .insert(key.trim().to_ascii_lowercase(), value.to_owned());
        }
    }
    lines.drain(start..=end);
    front
}

/// Takes lynx's `References` list off the bottom: link numbers and where
/// they lead.
fn references(lines: &mut Vec<(usize, &str)>) -> HashMap<u32, String> {
    let mut references = HashMap::new();
    let Some(at) = lines.iter().rposition(|(_, l)| l.trim() == "References") else {
        return references;
    };
    let listed = lines[at + 1..].iter().filter(|(_, l)| !l.trim().is_empty());
    let mut all = true;
    for (_, line) in listed {
        match line.trim().split_once(". ") {
            Some((number, url)) if number.parse::<u32>().is_ok() => {
                if let Ok(number) = number.parse() {
                    references.insert(number, url.trim().to_owned());
                }
            }
            _ => all = false,
        }
    }
    if all && !references.is_empty() {
        lines.truncate(at);
    } else {
        references.clear();
    }
    references
}
