//! A generator of realistic dumps in the seed's layout, for benchmarks and
//! scale tests: deterministic for a seed, 2–4 KB each, 5–14 paragraphs,
//! 8 sections, dates over 3 years, and Popular and Access Ranking lists that
//! name other generated headlines. Nothing large is committed: the corpus is
//! made when needed.

use std::fmt::Write as _;

/// The sections a generated article belongs to.
pub const SECTIONS: [&str; 8] = [
    "Politics",
    "Business",
    "Society",
    "World",
    "Science & Nature",
    "Sports",
    "Culture",
    "Editorial",
];

const WORDS: &[&str] = &[
    "government",
    "minister",
    "officials",
    "said",
    "plan",
    "market",
    "yen",
    "prices",
    "rose",
    "fell",
    "percent",
    "year",
    "city",
    "prefecture",
    "residents",
    "council",
    "company",
    "shares",
    "exports",
    "imports",
    "trade",
    "talks",
    "agreement",
    "security",
    "defense",
    "policy",
    "budget",
    "tax",
    "election",
    "party",
    "vote",
    "school",
    "students",
    "hospital",
    "patients",
    "doctors",
    "train",
    "station",
    "rail",
    "airport",
    "flights",
    "weather",
    "snow",
    "rain",
    "typhoon",
    "earthquake",
    "recovery",
    "housing",
    "energy",
    "power",
    "plant",
    "nuclear",
    "solar",
    "wind",
    "research",
    "team",
    "scientists",
    "study",
    "data",
    "survey",
    "museum",
    "festival",
    "artists",
    "film",
    "music",
    "team",
    "season",
    "match",
    "coach",
    "players",
    "record",
    "title",
    "league",
    "tournament",
    "national",
    "local",
    "regional",
    "international",
    "economy",
    "growth",
    "inflation",
    "wages",
    "workers",
    "labor",
    "shortage",
    "tourists",
    "visitors",
    "travel",
    "farmers",
    "rice",
    "fish",
    "seafood",
    "ports",
    "ships",
    "bridge",
    "roads",
    "water",
    "forest",
    "river",
    "mountain",
    "coast",
    "island",
    "village",
    "town",
    "children",
    "families",
    "elderly",
    "care",
    "services",
    "support",
    "funds",
    "subsidies",
    "program",
    "project",
    "system",
    "rules",
    "law",
    "court",
    "police",
    "safety",
    "measures",
    "report",
    "committee",
    "meeting",
    "summit",
    "leaders",
    "visit",
    "cooperation",
    "relations",
    "ministry",
    "agency",
    "bank",
    "rates",
    "investors",
    "stocks",
    "index",
    "growth",
    "quarter",
    "profit",
    "sales",
    "consumers",
    "technology",
    "robots",
    "software",
    "chips",
    "factory",
    "production",
    "cars",
    "batteries",
];

const CAPS: &[&str] = &[
    "Tokyo",
    "Osaka",
    "Kyoto",
    "Hokkaido",
    "Okinawa",
    "Japan",
    "Nagoya",
    "Sendai",
    "Fukuoka",
    "Kobe",
    "Yokohama",
    "Niigata",
    "Hiroshima",
    "Nagano",
    "Kanazawa",
    "Sapporo",
];

/// SplitMix64: tiny, fast and fully determined by its seed, so a corpus is
/// the same on every machine and with every build.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        Self(seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The corpus of `count` articles made from `seed`.
#[derive(Debug, Clone, Copy)]
pub struct Corpus {
    pub count: usize,
    pub seed: u64,
}

impl Corpus {
    pub fn new(count: usize, seed: u64) -> Self {
        Self { count, seed }
    }

    /// Article `index`, parsed from its dump as an import reads it.
    pub fn article(&self, index: usize) -> kiji::article::Article {
        kiji::parse::parse_str(&self.dump(index))
            .expect("a generated dump parses")
            .article
    }

    /// Every article of the corpus, parsed.
    pub fn articles(&self) -> Vec<kiji::article::Article> {
        (0..self.count).map(|index| self.article(index)).collect()
    }

    /// The section of article `index`.
    pub fn section(index: usize) -> &'static str {
        SECTIONS[index % SECTIONS.len()]
    }

    /// The headline of article `index`, computable on its own so lists can
    /// name any other article.
    pub fn headline(&self, index: usize) -> String {
        let mut rng = Rng::new(self.seed, index as u64 * 2 + 1);
        let mut words = vec![rng.pick(CAPS).to_owned()];
        for _ in 0..rng.between(5, 10) {
            words.push(capitalised(rng.pick(WORDS)));
        }
        // a number keeps every headline distinct, as real ones are
        words.push(format!("No. {index}"));
        words.join(" ")
    }

    /// The dump text of article `index`.
    pub fn dump(&self, index: usize) -> String {
        let mut rng = Rng::new(self.seed, index as u64 * 2);
        let mut out = String::with_capacity(4096);
        out.push_str(&self.headline(index));
        out.push_str("\n\n");
        out.push_str(&sentence(&mut rng));
        out.push('\n');
        // dates over three years from 2022, minutes apart
        let minutes = rng.below(3 * 365 * 24 * 60) as i64;
        let time = chrono::NaiveDate::from_ymd_opt(2022, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t + chrono::Duration::minutes(minutes))
            .unwrap_or_default();
        let _ = writeln!(out, "{}", time.format("%-H:%M JST, %B %-d, %Y"));
        let section = Self::section(index);
        let mut lists = String::with_capacity(1024);
        let _ = writeln!(lists, "\"{section}\" POPULAR ARTICLE");
        for _ in 0..5 {
            // another article of the same section
            let other = rng.below(self.count.div_ceil(SECTIONS.len())) * SECTIONS.len()
                + index % SECTIONS.len();
            let _ = write!(lists, "-\n{}\n", self.headline(other.min(self.count - 1)));
        }
        lists.push_str("JN ACCESS RANKING\n");
        for _ in 0..5 {
            let _ = write!(lists, "-\n{}\n", self.headline(rng.below(self.count)));
        }
        // paragraphs until the dump reaches its size, 5 to 14 of them
        let size = rng.between(2200, 3700);
        let mut paragraphs = 0;
        while paragraphs < 5 || (paragraphs < 14 && out.len() + lists.len() < size) {
            for s in 0..rng.between(2, 3) {
                if s > 0 {
                    out.push(' ');
                }
                out.push_str(&sentence(&mut rng));
            }
            out.push('\n');
            paragraphs += 1;
        }
        out.push_str(&lists);
        out
    }

    /// Writes the corpus into `dir`, a thousand files a folder.
    pub fn write(&self, dir: &std::path::Path) -> std::io::Result<()> {
        for index in 0..self.count {
            let folder = dir.join(format!("{:04}", index / 1000));
            if index % 1000 == 0 {
                std::fs::create_dir_all(&folder)?;
            }
            std::fs::write(folder.join(format!("{index:07}.txt")), self.dump(index))?;
        }
        Ok(())
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn sentence(rng: &mut Rng) -> String {
    let mut words = vec![capitalised(rng.pick(WORDS))];
    for i in 0..rng.between(7, 13) {
        if i == 4 {
            words.push(rng.pick(CAPS).to_owned());
        } else {
            words.push(rng.pick(WORDS).to_owned());
        }
    }
    let mut text = words.join(" ");
    text.push('.');
    text
}
