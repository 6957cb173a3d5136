//! Logical lines → article: a small state machine. Before it runs, one look
//! over the lines finds the headline — the first line of the block that
//! leads to the dateline, past notices, menus and breadcrumbs — so that
//! nothing a site or a tool puts above an article becomes its headline.

use chrono::{DateTime, FixedOffset};

mod finish;
mod headline;

use super::line::{Line, ListKind};
use crate::article::{Block, ListItem, Photo, headline_key};
pub use headline::find_headline;

/// A classified logical line.
#[derive(Debug, Clone)]
pub struct Classified<'a> {
    pub line: usize,
    pub class: Line<'a>,
    /// Text the line holds (cleaned and trimmed).
    pub text: &'a str,
    /// A list item's bullet, or a Markdown heading's level.
    pub bullet: bool,
    pub heading: Option<u8>,
    pub url: Option<&'a str>,
}

/// What the state machine is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum State {
    /// Before the headline: notices, menus, breadcrumbs.
    #[default]
    Preamble,
    /// After the headline, before the dateline: photos, and (when no
    /// dateline ever comes) the body.
    Pending,
    Body,
    Popular,
    Ranking,
    /// A list or block that is page furniture, not the article's.
    Ignored,
}

/// How a list marks its items, known from its first one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemStyle {
    /// A line holding `-`, then the title.
    Dash,
    /// A bullet or `- ` before the title, on its line.
    Bullet,
    /// Nothing: each line is an item.
    Plain,
}

/// A line between the headline and the dateline, held until it is known
/// whether a dateline follows (then it is a caption) or not (then it is
/// body, unless a credit marked it as a caption).
#[derive(Debug)]
struct Held {
    text: String,
    credit: Option<String>,
    /// A credit came before it: a caption whatever follows.
    caption: bool,
    /// A heading: a subhead, should the lines be body.
    subhead: bool,
}

#[derive(Debug, Default)]
pub struct Builder {
    state: State,
    headline_at: Option<usize>,
    headline: Option<String>,
    headline_line: usize,
    /// A credit seen, waiting for the caption it introduces.
    credit: Option<String>,
    held: Vec<Held>,
    body: Vec<Block>,
    published: Option<DateTime<FixedOffset>>,
    dateline: Option<String>,
    datelines_seen: usize,
    index_page_line: usize,
    byline: Option<String>,
    url: Option<String>,
    section: Option<String>,
    breadcrumb_section: Option<String>,
    popular: Vec<ListItem>,
    access_ranking: Vec<ListItem>,
    style: Option<ItemStyle>,
    /// Items of a list taken as plain lines so far: its name, should a `-`
    /// or a bullet come next.
    plain_items: usize,
    /// The last line was a lone `-`: the next is an item.
    after_dash: bool,
    /// Bulleted items seen outside the article's lists: menus, headline
    /// lists.
    stray_items: usize,
    image_file_line: Option<usize>,
    new_contents: bool,
}

impl Builder {
    /// A builder for lines whose headline is the one at `headline_at`.
    pub fn new(headline_at: Option<usize>) -> Self {
        Self {
            headline_at,
            ..Self::default()
        }
    }

    pub fn take(&mut self, index: usize, unit: &Classified<'_>) {
        let line = &unit.class;
        if Some(index) == self.headline_at && self.state != State::Preamble {
            // a headline under its dateline (some sites put it there)
            self.headline = Some(unit.text.to_owned());
            self.headline_line = unit.line;
            return;
        }
        match line {
            Line::Dateline(published) => self.dateline(unit.line, unit.text, *published),
            Line::ListHeader(kind) => self.list_header(kind.clone()),
            Line::ImageFile => self.image_file_line = Some(unit.line),
            _ if self.state == State::Preamble => self.preamble(index, unit),
            _ if self.is_repeat(unit) => {}
            _ => match self.state {
                State::Pending => self.pending(unit),
                State::Body => self.body(unit),
                State::Popular | State::Ranking => self.list_item(unit),
                State::Preamble | State::Ignored => {}
            },
        }
        if matches!(line, Line::ListHeader(ListKind::Other))
            && unit.text.eq_ignore_ascii_case("new contents")
        {
            self.new_contents = true;
        }
        self.after_dash = matches!(line, Line::Dash);
    }

    /// The headline given again (aggregators do): not body.
    fn is_repeat(&self, unit: &Classified<'_>) -> bool {
        matches!(self.state, State::Pending | State::Body)
            && self.headline.as_deref().is_some_and(|h| {
                // only a line about as long as the headline can be it
                h.len().abs_diff(unit.text.len()) <= 8 && headline_key(h) == headline_key(unit.text)
            })
    }

    fn preamble(&mut self, index: usize, unit: &Classified<'_>) {
        match &unit.class {
            Line::Breadcrumb(section) => {
                self.breadcrumb_section = (!section.is_empty()).then(|| (*section).to_owned());
            }
            Line::Navigation => self.saved_from(unit.text),
            Line::Credit => {
                if self.headline_at.is_none_or(|at| index > at) {
                    self.state = State::Pending;
                }
                self.credit = Some(unit.text.to_owned());
            }
            _ if Some(index) == self.headline_at => {
                self.headline = Some(unit.text.to_owned());
                self.headline_line = unit.line;
                self.state = State::Pending;
                self.credit = None;
            }
            Line::Text(_) if self.headline_at.is_none() && self.credit.is_some() => {
                // a dump that starts at a photo: no headline
                self.state = State::Pending;
                self.pending(unit);
            }
            _ if unit.bullet => self.stray_items += 1,
            _ => {}
        }
    }

    /// A list's lines so far that were its name, not items: plain lines
    /// before the first `-` or bullet.
    fn drop_list_name(&mut self) {
        if self.style == Some(ItemStyle::Plain) {
            let list = if self.state == State::Popular {
                &mut self.popular
            } else {
                &mut self.access_ranking
            };
            list.truncate(list.len() - self.plain_items);
        }
        self.plain_items = 0;
    }

    /// `Saved from https://…`, `URL: https://…`: the page's address.
    fn saved_from(&mut self, text: &str) {
        if self.url.is_none()
            && let Some(at) = text.find("https://").or_else(|| text.find("http://"))
        {
            let url = text[at..].split_whitespace().next().unwrap_or("");
            self.url = Some(url.to_owned());
        }
    }

    fn pending(&mut self, unit: &Classified<'_>) {
        match &unit.class {
            Line::Credit => self.credit = Some(unit.text.to_owned()),
            Line::Byline => self.byline(unit.text),
            _ if unit.bullet => self.stray_items += 1,
            Line::Text(_) | Line::DashItem(_) => {
                let credit = self.credit.take();
                self.held.push(Held {
                    text: unit.text.to_owned(),
                    caption: credit.is_some(),
                    credit,
                    subhead: unit.heading.is_some(),
                });
            }
            _ => {}
        }
    }

    fn body(&mut self, unit: &Classified<'_>) {
        if let Some(credit) = self.credit.take()
            && matches!(unit.class, Line::Text(_))
            && !unit.bullet
        {
            self.body.push(Block::Photo(Photo {
                credit: Some(credit),
                caption: unit.text.to_owned(),
            }));
            return;
        }
        match &unit.class {
            // topic hashtags are page furniture wherever they stand
            Line::Navigation if unit.text.starts_with('#') => {}
            Line::Credit => self.credit = Some(unit.text.to_owned()),
            Line::Byline if self.byline.is_none() => self.byline(unit.text),
            Line::Text(_) if unit.heading.is_some_and(|level| level >= 2) => {
                self.body.push(Block::Subhead {
                    text: unit.text.to_owned(),
                });
            }
            Line::Text(_)
            | Line::DashItem(_)
            | Line::Navigation
            | Line::Breadcrumb(_)
            | Line::Byline => {
                self.body.push(Block::paragraph(unit.text));
            }
            _ => {}
        }
    }

    fn byline(&mut self, text: &str) {
        self.byline.get_or_insert_with(|| text.to_owned());
    }

    fn list_item(&mut self, unit: &Classified<'_>) {
        let text_like = matches!(
            unit.class,
            Line::Text(_) | Line::DashItem(_) | Line::Credit | Line::Byline
        );
        let item = match &unit.class {
            Line::Dash => {
                self.drop_list_name();
                self.style = Some(ItemStyle::Dash);
                return;
            }
            _ if self.after_dash && text_like => unit.text,
            Line::DashItem(title) => {
                self.drop_list_name();
                self.style = Some(ItemStyle::Bullet);
                *title
            }
            _ if unit.bullet && text_like => {
                self.drop_list_name();
                self.style = Some(ItemStyle::Bullet);
                unit.text
            }
            Line::Text(_)
                if unit.heading.is_none()
                    && matches!(self.style, None | Some(ItemStyle::Plain)) =>
            {
                self.style = Some(ItemStyle::Plain);
                self.plain_items += 1;
                unit.text
            }
            // anything else ends the list: what follows is not the page's
            _ => {
                self.state = State::Ignored;
                return;
            }
        };
        let item = ListItem {
            title: item.to_owned(),
            url: unit.url.map(str::to_owned),
        };
        if self.state == State::Popular {
            self.popular.push(item);
        } else {
            self.access_ranking.push(item);
        }
    }

    fn dateline(&mut self, number: usize, text: &str, published: DateTime<FixedOffset>) {
        self.datelines_seen += 1;
        if self.datelines_seen == 3 {
            self.index_page_line = number;
        }
        if matches!(self.state, State::Preamble | State::Pending) {
            self.published = Some(published);
            self.dateline = Some(text.to_owned());
            // a credit with no caption after it belongs to a photo above
            self.credit = None;
            for held in self.held.drain(..) {
                self.body.push(Block::Photo(Photo {
                    credit: held.credit,
                    caption: held.text,
                }));
            }
            self.state = State::Body;
        }
    }

    /// With no dateline, held lines are body except those a credit marked.
    fn settle_held(&mut self) {
        for held in self.held.drain(..) {
            self.body.push(if held.caption {
                Block::Photo(Photo {
                    credit: held.credit,
                    caption: held.text,
                })
            } else if held.subhead {
                Block::Subhead { text: held.text }
            } else {
                Block::paragraph(held.text)
            });
        }
    }

    fn list_header(&mut self, kind: ListKind) {
        if matches!(self.state, State::Preamble | State::Pending) {
            self.settle_held();
        }
        self.credit = None;
        self.style = None;
        self.plain_items = 0;
        self.state = match kind {
            ListKind::Popular(section) if self.popular.is_empty() => {
                if section.is_some() {
                    self.section = section;
                }
                State::Popular
            }
            // a heading above a list that is already named: the list's name
            ListKind::Popular(_) if self.state == State::Popular => State::Popular,
            ListKind::Ranking if self.access_ranking.is_empty() => State::Ranking,
            _ => State::Ignored,
        };
    }
}
