//! A small HTTP server of the tests' own, on a loopback address, serving
//! what each test routes to it: pages and feeds written for the tests, and
//! the ways servers go wrong — statuses, slowness, redirect loops,
//! compression bombs, bodies without end, `Retry-After`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What a path answers.
#[derive(Clone)]
pub enum Route {
    /// 200 with a body, its content type, and an ETag that makes a request
    /// carrying it a 304.
    Ok {
        body: Vec<u8>,
        content_type: String,
        etag: Option<String>,
    },
    /// A bare status.
    Status(u16),
    /// Waits, then answers as the route inside.
    Slow(Duration, Box<Route>),
    /// A redirect to this path or address.
    Redirect(String),
    /// Fails with this status so many times, then answers as the route.
    FailThen(u16, usize, Box<Route>),
    /// 429 with this `Retry-After`, then the route.
    RetryAfter(u64, Box<Route>),
    /// A gzip body that inflates to this many bytes of zeros.
    GzipBomb(usize),
    /// A body that never ends.
    Endless,
}

impl Route {
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Self::Ok {
            body: body.into(),
            content_type: "text/html; charset=utf-8".into(),
            etag: None,
        }
    }

    pub fn typed(body: impl Into<Vec<u8>>, content_type: &str, etag: Option<&str>) -> Self {
        Self::Ok {
            body: body.into(),
            content_type: content_type.into(),
            etag: etag.map(str::to_owned),
        }
    }
}

/// Answers paths no route names.
type Fallback = Arc<dyn Fn(&str) -> Option<Route> + Send + Sync>;

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    fallback: Option<Fallback>,
    hits: HashMap<String, usize>,
    /// The `If-None-Match` each request to a path carried.
    conditional: HashMap<String, usize>,
}

/// A running server; it stops when dropped.
pub struct Server {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// A server on 127.0.0.1 and a port of its own.
    pub fn start() -> Self {
        Self::start_on("127.0.0.1")
    }

    /// A server on a loopback address (127.0.0.1 to 127.0.0.255 all reach
    /// this machine on Linux).
    pub fn start_on(ip: &str) -> Self {
        let listener = TcpListener::bind((ip, 0)).expect("a loopback port");
        let addr = listener.local_addr().expect("an address");
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (shared, stopped) = (Arc::clone(&state), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let state = Arc::clone(&shared);
                std::thread::spawn(move || serve(stream, &state));
            }
        });
        Self { addr, state, stop }
    }

    pub fn route(&self, path: &str, route: Route) {
        self.lock().routes.insert(path.to_owned(), route);
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Answers the paths no route names with what `answer` makes of them.
    pub fn fallback(&self, answer: impl Fn(&str) -> Option<Route> + Send + Sync + 'static) {
        self.lock().fallback = Some(Arc::new(answer));
    }

    /// Requests made for a path.
    pub fn hits(&self, path: &str) -> usize {
        self.lock().hits.get(path).copied().unwrap_or(0)
    }

    /// Requests for a path that carried an `If-None-Match`.
    pub fn conditional_hits(&self, path: &str) -> usize {
        self.lock().conditional.get(path).copied().unwrap_or(0)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().expect("server state")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // wake the accept loop so it sees the flag
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(stream.try_clone().expect("a stream"));
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_owned());
        }
    }
    let route = {
        let mut state = state.lock().expect("server state");
        *state.hits.entry(path.clone()).or_default() += 1;
        if if_none_match.is_some() {
            *state.conditional.entry(path.clone()).or_default() += 1;
        }
        let hits = state.hits[&path];
        let route = state
            .routes
            .get(&path)
            .cloned()
            .or_else(|| state.fallback.as_ref().and_then(|answer| answer(&path)));
        // routes that change with each request
        match route {
            Some(Route::FailThen(status, times, then)) if hits <= times => {
                Some(Route::FailThen(status, times, then))
            }
            Some(Route::RetryAfter(secs, then)) if hits == 1 => Some(Route::RetryAfter(secs, then)),
            Some(Route::FailThen(_, _, then) | Route::RetryAfter(_, then)) => Some(*then),
            other => other,
        }
    };
    respond(stream, route, if_none_match.as_deref());
}

fn respond(mut stream: TcpStream, route: Option<Route>, if_none_match: Option<&str>) {
    let head = |status: u16, extra: &str| {
        format!("HTTP/1.1 {status} Status\r\nConnection: close\r\n{extra}\r\n")
    };
    let _ = match route {
        None => stream.write_all(head(404, "Content-Length: 0\r\n").as_bytes()),
        Some(Route::Ok {
            body,
            content_type,
            etag,
        }) => {
            if etag.is_some() && etag.as_deref() == if_none_match {
                stream.write_all(head(304, "Content-Length: 0\r\n").as_bytes())
            } else {
                let etag = etag.map(|e| format!("ETag: {e}\r\n")).unwrap_or_default();
                let extra = format!(
                    "Content-Type: {content_type}\r\nContent-Length: {}\r\n{etag}",
                    body.len()
                );
                stream
                    .write_all(head(200, &extra).as_bytes())
                    .and_then(|()| stream.write_all(&body))
            }
        }
        Some(Route::Status(status) | Route::FailThen(status, _, _)) => {
            stream.write_all(head(status, "Content-Length: 0\r\n").as_bytes())
        }
        Some(Route::Slow(wait, then)) => {
            std::thread::sleep(wait);
            respond(stream, Some(*then), if_none_match);
            return;
        }
        Some(Route::Redirect(to)) => stream
            .write_all(head(302, &format!("Location: {to}\r\nContent-Length: 0\r\n")).as_bytes()),
        Some(Route::RetryAfter(secs, _)) => stream.write_all(
            head(
                429,
                &format!("Retry-After: {secs}\r\nContent-Length: 0\r\n"),
            )
            .as_bytes(),
        ),
        Some(Route::GzipBomb(size)) => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            let zeros = vec![0u8; 1 << 20];
            for _ in 0..size / zeros.len() {
                encoder.write_all(&zeros).expect("compress");
            }
            let body = encoder.finish().expect("compress");
            let extra = format!(
                "Content-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\n",
                body.len()
            );
            stream
                .write_all(head(200, &extra).as_bytes())
                .and_then(|()| stream.write_all(&body))
        }
        Some(Route::Endless) => {
            let _ = stream.write_all(head(200, "Content-Type: text/html\r\n").as_bytes());
            let chunk = vec![b'a'; 64 * 1024];
            while stream.write_all(&chunk).is_ok() {}
            Ok(())
        }
    };
}
