//! The terminal while the reader runs: raw mode, the alternate screen and
//! mouse reporting set up, and put back however the reader ends — a panic
//! included, through a panic hook.

use std::io::stdout;

use anyhow::{Context, Result};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

/// The terminal, set up for the reader until [`Screen::stop`] or a drop.
pub struct Screen {
    terminal: DefaultTerminal,
    stopped: bool,
}

impl Screen {
    /// Sets the terminal up: raw mode, the alternate screen, the mouse, and
    /// a panic hook that puts it all back before the panic is reported.
    pub fn start() -> Result<Self> {
        let terminal = ratatui::try_init().context("setting up the terminal")?;
        let ratatui_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            ratatui_hook(info);
        }));
        let screen = Self {
            terminal,
            stopped: false,
        };
        execute!(stdout(), EnableMouseCapture).context("enabling the mouse")?;
        Ok(screen)
    }

    /// The terminal's size.
    pub fn size(&self) -> Result<Rect> {
        let size = self
            .terminal
            .size()
            .context("reading the terminal's size")?;
        Ok(Rect::new(0, 0, size.width, size.height))
    }

    pub fn terminal(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }

    /// Runs `f` with the terminal as it was before the reader (for another
    /// program to use), then sets it up again and redraws in full.
    pub fn suspended<T>(&mut self, f: impl FnOnce() -> T) -> Result<T> {
        restore();
        let result = f();
        crossterm::terminal::enable_raw_mode().context("setting up the terminal again")?;
        execute!(
            stdout(),
            crossterm::terminal::EnterAlternateScreen,
            EnableMouseCapture
        )
        .context("setting up the terminal again")?;
        self.redraw_all()?;
        Ok(result)
    }

    /// Draws the next frame in full, as after another program wrote to
    /// the terminal.
    pub fn redraw_all(&mut self) -> Result<()> {
        // ratatui's own clear asks the terminal where its cursor is, which
        // a terminal may not answer: the screen is cleared here, and a
        // blank frame makes the next one draw every cell
        execute!(
            stdout(),
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
        )
        .context("redrawing")?;
        self.terminal
            .draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
            .context("redrawing")?;
        Ok(())
    }

    /// Puts the terminal back as it was.
    pub fn stop(&mut self) {
        if !self.stopped {
            restore();
            self.stopped = true;
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Mouse reporting off, the cursor shown, the main screen and cooked mode
/// back.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, crossterm::cursor::Show);
    ratatui::restore();
}

/// Stops the process as the terminal's suspend key would (the shell's job
/// control takes over), returning once it is continued (`fg`).
pub fn stop_until_continued() {
    if let Err(error) =
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)
    {
        tracing::warn!("stopping: {error}");
    }
}
