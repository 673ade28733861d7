//! How WebKitGTK draws the window on a machine without a GPU.
//!
//! WebKitGTK composites the page with OpenGL. Where no GPU is reachable (a
//! virtual machine, a remote desktop, an analyst's air-gapped VM) that OpenGL
//! is Mesa's software rasterizer, and every frame then costs about 20 ms of
//! CPU even when nothing changed: opening an article waited on two such
//! frames. Drawing without the compositor paints only what changed, straight
//! into the window, which measured several times cheaper per frame there
//! (docs/performance-ui.md). With a GPU, nothing is changed. Setting
//! `WEBKIT_DISABLE_COMPOSITING_MODE` (to `0` or `1`) leaves the choice to
//! WebKit and the person who set it.

use std::path::Path;

/// Whether to turn WebKit's compositor off: only when no GPU render node
/// exists and nobody chose through WebKit's own variable.
pub fn draw_without_compositor(user_choice: Option<&std::ffi::OsStr>, dri: &Path) -> bool {
    user_choice.is_none() && !has_render_node(dri)
}

/// Whether `dri` (normally `/dev/dri`) holds a `renderD*` node, the device a
/// process renders on a GPU through.
fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

#[cfg(target_os = "linux")]
pub fn apply(window: &tauri::WebviewWindow) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};

    let choice = std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE");
    if !draw_without_compositor(choice.as_deref(), Path::new("/dev/dri")) {
        return;
    }
    let _ = window.with_webview(|webview| {
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
}

#[cfg(not(target_os = "linux"))]
pub fn apply(_: &tauri::WebviewWindow) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_the_compositor_off_only_without_a_render_node_and_without_a_choice() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("absent");
        assert!(draw_without_compositor(None, &missing), "no /dev/dri at all: software GL");
        assert!(draw_without_compositor(None, dir.path()), "an empty /dev/dri");
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(draw_without_compositor(None, dir.path()), "a display card alone renders nothing");
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(!draw_without_compositor(None, dir.path()), "a GPU: WebKit's default");
        assert!(!draw_without_compositor(Some("0".as_ref()), &missing), "the person's choice wins");
        assert!(!draw_without_compositor(Some("1".as_ref()), &missing), "WebKit does it itself");
    }
}
