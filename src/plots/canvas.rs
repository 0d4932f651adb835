//! Plots on a page's canvas, sharp on any screen: the backing store is sized in device pixels
//! (CSS size × devicePixelRatio), which plotters-canvas leaves to its caller.

use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::record::Recording;

/// Sizes the canvas's backing store for its laid-out width (at least 280 CSS px) and `aspect` ×
/// that height, clamped to 240–440 CSS px. Returns the size in device pixels and the factor every
/// drawn size must be multiplied by: device pixels per CSS pixel, a little less on narrow screens
/// so the axes keep their room.
pub fn fit(canvas: &HtmlCanvasElement, aspect: f64) -> ((u32, u32), f64) {
    fit_with(canvas, |css_w| (css_w * aspect).clamp(240.0, 440.0))
}

/// Like [`fit`], with the CSS height computed from the CSS width by `height`.
pub fn fit_with(canvas: &HtmlCanvasElement, height: impl Fn(f64) -> f64) -> ((u32, u32), f64) {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let dpr = if dpr.is_finite() { dpr.clamp(1.0, 4.0) } else { 1.0 };
    let css_w = f64::from(canvas.client_width().max(280));
    let css_h = height(css_w).clamp(120.0, 1200.0);
    // The canvas's CSS height follows its backing store's aspect (height: auto).
    let size = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    canvas.set_width(size.0);
    canvas.set_height(size.1);
    (size, dpr * if css_w < 480.0 { 0.85 } else { 1.0 })
}

/// Paints a recording on the canvas.
pub fn paint(canvas: &HtmlCanvasElement, picture: &Recording) -> Result<(), String> {
    let mut backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or("this browser gave no 2D canvas")?;
    picture.replay(&mut backend)
}
