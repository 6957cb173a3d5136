//! The one HTTP client: every page and feed kiji reads from the web comes
//! through here, with its limits — http and https only, timeouts, at most
//! five redirects, a cap on what a response may hold (after
//! decompression), a few requests at a time to one host with a pause
//! between them, retries with backoff on 429 and 5xx honouring
//! `Retry-After`, and conditional requests so an unchanged feed costs a
//! 304. The only module that opens a socket.

mod hosts;

use std::io::Read;
use std::sync::Arc;
use std::time::Duration;

use hosts::Hosts;

/// The limits a fetch keeps to. The defaults suit the web; tests set them
/// short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The longest a whole request may take, redirects and body included.
    pub timeout: Duration,
    /// The longest connecting may take.
    pub connect_timeout: Duration,
    /// The pause between the starts of two requests to one host.
    pub pause: Duration,
    /// Requests at once to one host.
    pub per_host: usize,
    /// Tries again after a 429 or a 5xx, waiting longer each time.
    pub retries: u32,
    /// The first wait before trying again; it doubles each time.
    pub backoff: Duration,
    /// The longest `Retry-After` waited for; a longer one is reported.
    pub max_retry_after: Duration,
    /// The most a response may hold, decompressed.
    pub max_bytes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(10),
            pause: Duration::from_millis(500),
            per_host: 2,
            retries: 2,
            backoff: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// What to fetch, and what the last fetch of it said, for a conditional
/// request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Request {
    pub fn get(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            ..Self::default()
        }
    }
}

/// What a fetch brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// The body, and where it was in the end (after redirects).
    Fetched(Page),
    /// Unchanged since the last fetch (304).
    NotModified,
}

/// A fetched body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub url: String,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Why a fetch failed, in a line naming the address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {why}")]
pub struct FetchError {
    pub url: String,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Why {
    #[error("not an http or https address")]
    Scheme,
    #[error("{0}")]
    Status(String),
    #[error("timed out after {0} s")]
    TimedOut(u64),
    #[error("more than {0} bytes")]
    TooLarge(u64),
    #[error("more than 5 redirects")]
    Redirects,
    #[error("redirected to {}, which kiji does not follow", crate::sanitize::clean(.0))]
    RedirectedAway(String),
    #[error("the server asks to wait {0} s; left for the next refresh")]
    RetryLater(u64),
    /// Fetched, but not something kiji reads as asked.
    #[error("{0}")]
    Unreadable(String),
    #[error("{0}")]
    Failed(String),
}

/// The fetcher: cheap to clone, shared by every thread that fetches.
#[derive(Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    settings: Arc<Settings>,
    hosts: Arc<Hosts>,
}

impl Fetcher {
    pub fn new(settings: Settings) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .timeout_connect(Some(settings.connect_timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(format!(
                "kiji/{} (terminal news reader)",
                env!("CARGO_PKG_VERSION")
            ))
            .build()
            .into();
        Self {
            agent,
            hosts: Arc::new(Hosts::new(settings.per_host, settings.pause)),
            settings: Arc::new(settings),
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Fetches, following redirects to other web addresses (five at
    /// most) and trying again after a 429 or a 5xx as the settings allow.
    pub fn get(&self, request: &Request) -> Result<Response, FetchError> {
        let fail = |why| FetchError {
            url: crate::sanitize::clean(&request.url).into_owned(),
            why,
        };
        let mut url = web_address(&request.url).ok_or_else(|| fail(Why::Scheme))?;
        let (mut redirects, mut tries, mut wait) = (0, 0, self.settings.backoff);
        loop {
            let attempt = {
                let _slot = self.hosts.enter(url.host_str().unwrap_or_default());
                self.once(&url, request)
            };
            match attempt {
                Attempt::Done(result) => return result.map_err(fail),
                Attempt::Redirect(_) if redirects == MAX_REDIRECTS => {
                    return Err(fail(Why::Redirects));
                }
                Attempt::Redirect(location) => {
                    let to = url.join(&location).ok();
                    url = to
                        .filter(|to| matches!(to.scheme(), "http" | "https"))
                        .ok_or_else(|| fail(Why::RedirectedAway(location)))?;
                    redirects += 1;
                }
                Attempt::Again(_, retry_after) if tries < self.settings.retries => {
                    let pause = retry_after.unwrap_or(wait);
                    if pause > self.settings.max_retry_after {
                        return Err(fail(Why::RetryLater(pause.as_secs())));
                    }
                    std::thread::sleep(pause);
                    wait *= 2;
                    tries += 1;
                }
                Attempt::Again(status, _) => return Err(fail(Why::Status(status))),
            }
        }
    }

    /// One request.
    fn once(&self, url: &url::Url, request: &Request) -> Attempt {
        let mut call = self.agent.get(url.as_str());
        if let Some(etag) = &request.etag {
            call = call.header("If-None-Match", etag);
        }
        if let Some(modified) = &request.last_modified {
            call = call.header("If-Modified-Since", modified);
        }
        let mut response = match call.call() {
            Ok(response) => response,
            Err(error) => return Attempt::Done(Err(self.why(&error))),
        };
        let status = response.status();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        if status.is_redirection() && status.as_u16() != 304 {
            return match header("location") {
                Some(location) => Attempt::Redirect(location),
                None => Attempt::Done(Err(Why::Status(status_line(status)))),
            };
        }
        if status.as_u16() == 304 {
            return Attempt::Done(Ok(Response::NotModified));
        }
        let line = status_line(status);
        if status.as_u16() == 429 || status.is_server_error() {
            let retry_after = header("retry-after")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            return Attempt::Again(line, retry_after);
        }
        if !status.is_success() {
            return Attempt::Done(Err(Why::Status(line)));
        }
        let page = Page {
            url: url.to_string(),
            content_type: header("content-type"),
            etag: header("etag"),
            last_modified: header("last-modified"),
            body: Vec::new(),
        };
        let limit = self.settings.max_bytes;
        let mut body = Vec::new();
        let read = response
            .body_mut()
            .with_config()
            .limit(limit)
            .reader()
            .read_to_end(&mut body);
        match read {
            Ok(_) => Attempt::Done(Ok(Response::Fetched(Page { body, ..page }))),
            Err(error) => Attempt::Done(Err(self.io_why(&error))),
        }
    }

    fn why(&self, error: &ureq::Error) -> Why {
        match error {
            ureq::Error::Timeout(_) => Why::TimedOut(self.settings.timeout.as_secs().max(1)),
            ureq::Error::TooManyRedirects => Why::Redirects,
            ureq::Error::BodyExceedsLimit(limit) => Why::TooLarge(*limit),
            ureq::Error::BadUri(_) | ureq::Error::RedirectFailed => {
                Why::Failed("a redirect to an address kiji does not follow".into())
            }
            ureq::Error::Io(io) => self.io_why(io),
            other => Why::Failed(other.to_string()),
        }
    }

    fn io_why(&self, error: &std::io::Error) -> Why {
        match error
            .get_ref()
            .and_then(|e| e.downcast_ref::<ureq::Error>())
        {
            Some(inner) => self.why(inner),
            None if error.kind() == std::io::ErrorKind::TimedOut => {
                Why::TimedOut(self.settings.timeout.as_secs().max(1))
            }
            None => Why::Failed(error.to_string()),
        }
    }
}

/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 5;

/// One try's outcome: done, sent elsewhere, or to be tried again (its
/// status line, and the server's `Retry-After` if it gave one).
enum Attempt {
    Done(Result<Response, Why>),
    Redirect(String),
    Again(String, Option<Duration>),
}

/// An http or https address, or none.
fn web_address(text: &str) -> Option<url::Url> {
    url::Url::parse(text.trim())
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.host_str().is_some())
}

/// `404 Not Found`.
fn status_line(status: ureq::http::StatusCode) -> String {
    format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    )
    .trim_end()
    .to_owned()
}
