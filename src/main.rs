//! The page Trunk builds: bring the static lesson page to life (see `ui::page`) and turn a Rust
//! panic into a readable console error.

fn main() {
    console_error_panic_hook::set_once();
    lstm_explorer::ui::page::start();
}
