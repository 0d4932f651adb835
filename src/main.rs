//! The page Trunk builds: mount the app and turn a Rust panic into a readable console error.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(lstm_explorer::ui::App);
}
