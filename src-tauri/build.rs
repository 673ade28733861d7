//! Tauri's build step (bundled assets, capabilities), only for the window build.

fn main() {
    #[cfg(feature = "desktop")]
    tauri_build::build();
}
