//! A drawing recorded once and played back on any backend. The charts (axes, mesh, series,
//! legend) are generic code that plotters instantiates once per backend; drawing them into a
//! [`Recording`] and replaying the recording on the canvas or into an SVG instantiates them once,
//! which keeps the module the page downloads small. Text is measured while recording, the same
//! way every backend measures it (plotters' own font layout), so the layout does not change on
//! playback.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::Pos;
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

/// A stroke or fill: colour and width.
#[derive(Clone, Copy)]
struct Pen {
    color: BackendColor,
    width: u32,
}

impl Pen {
    fn of<S: BackendStyle>(s: &S) -> Self {
        Self { color: s.color(), width: s.stroke_width() }
    }
}

impl BackendStyle for Pen {
    fn color(&self) -> BackendColor {
        self.color
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// Everything a text needs to be drawn again. Font families other than the generic ones
/// (serif, sans-serif, monospace) play back as sans-serif: the plots name no other.
#[derive(Clone)]
struct Text {
    text: String,
    pos: BackendCoord,
    family: FontFamily<'static>,
    size: f64,
    style: FontStyle,
    transform: FontTransform,
    anchor: Pos,
    color: BackendColor,
}

#[derive(Clone)]
enum Op {
    Pixel(BackendCoord, BackendColor),
    Line(BackendCoord, BackendCoord, Pen),
    Rect(BackendCoord, BackendCoord, Pen, bool),
    Path(Vec<BackendCoord>, Pen),
    Circle(BackendCoord, u32, Pen, bool),
    Polygon(Vec<BackendCoord>, Pen),
    Text(Text),
}

/// A drawing of a given size, kept as the backend calls that made it.
#[derive(Clone)]
pub struct Recording {
    size: (u32, u32),
    ops: Vec<Op>,
}

/// Draws with `draw` on a `size`-pixel area and keeps what it drew, with what `draw` returned.
pub fn record<R>(size: (u32, u32), draw: impl FnOnce(&DrawingArea<Recorder, Shift>) -> R) -> (Recording, R) {
    let ops = Rc::new(RefCell::new(Vec::new()));
    let result = draw(&Recorder { size, ops: Rc::clone(&ops) }.into_drawing_area());
    let ops = ops.take();
    (Recording { size, ops }, result)
}

impl Recording {
    /// Its size in pixels.
    pub fn size(&self) -> (u32, u32) {
        self.size
    }

    /// The drawing as an SVG document.
    pub fn to_svg(&self) -> Result<String, String> {
        let mut out = String::new();
        self.replay(&mut SVGBackend::with_string(&mut out, self.size))?;
        Ok(out)
    }

    /// Plays the drawing on `backend` and presents it.
    pub fn replay<DB: DrawingBackend>(&self, backend: &mut DB) -> Result<(), String> {
        let err = |e: DrawingErrorKind<DB::ErrorType>| e.to_string();
        backend.ensure_prepared().map_err(err)?;
        for op in &self.ops {
            match op {
                Op::Pixel(p, c) => backend.draw_pixel(*p, *c),
                Op::Line(a, b, pen) => backend.draw_line(*a, *b, pen),
                Op::Rect(a, b, pen, fill) => backend.draw_rect(*a, *b, pen, *fill),
                Op::Path(points, pen) => backend.draw_path(points.iter().copied(), pen),
                Op::Circle(c, r, pen, fill) => backend.draw_circle(*c, *r, pen, *fill),
                Op::Polygon(points, pen) => backend.fill_polygon(points.iter().copied(), pen),
                Op::Text(t) => {
                    let font = FontDesc::new(t.family, t.size, t.style).transform(t.transform.clone());
                    let style = TextStyle { font, color: t.color, pos: t.anchor };
                    backend.draw_text(&t.text, &style, t.pos)
                }
            }
            .map_err(err)?;
        }
        backend.present().map_err(err)
    }
}

/// The backend a [`Recording`] is made with (see [`record`]).
pub struct Recorder {
    size: (u32, u32),
    ops: Rc<RefCell<Vec<Op>>>,
}

impl Recorder {
    fn push(&mut self, op: Op) -> Result<(), DrawingErrorKind<std::convert::Infallible>> {
        self.ops.borrow_mut().push(op);
        Ok(())
    }
}

fn generic_family(name: &str) -> FontFamily<'static> {
    match FontFamily::from(name) {
        FontFamily::Serif => FontFamily::Serif,
        FontFamily::Monospace => FontFamily::Monospace,
        _ => FontFamily::SansSerif,
    }
}

/// The width and height in pixels of `text` in a font. The height, and without a browser the
/// width, are plotters' own estimate for fonts it cannot measure (its native layout: so natively
/// a recording lays out exactly as drawing directly does); in the browser a 2D canvas measures
/// the width.
fn measure(text: &str, family: &str, style: &str, size: f64) -> (u32, u32) {
    let em = size / 1.24 / 1.24;
    let height = ((em * 0.24).round() + em.round()).max(0.0) as u32;
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        thread_local! {
            static PEN: Option<web_sys::CanvasRenderingContext2d> = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
                .and_then(|c| c.get_context("2d").ok().flatten())
                .and_then(|c| c.dyn_into().ok());
        }
        let width = PEN.with(|pen| {
            let pen = pen.as_ref()?;
            pen.set_font(&format!("{style} {size}px {family}"));
            pen.measure_text(text).ok().map(|m| m.width())
        });
        if let Some(w) = width.filter(|w| w.is_finite()) {
            return (w.round().max(0.0) as u32, height);
        }
    }
    let _ = (family, style);
    ((em * 0.7 * text.len() as f64).round().max(0.0) as u32, height)
}

impl DrawingBackend for Recorder {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Pixel(point, color))
    }

    /// Text is measured on a 2D canvas in the browser. plotters' own web font layout measures it
    /// on a `<span>` with a `style` attribute, which the site's security policy refuses.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(measure(text, style.family().as_str(), style.style().as_str(), style.size()))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Line(from, to, Pen::of(style)))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Rect(upper_left, bottom_right, Pen::of(style), fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Path(path.into_iter().collect(), Pen::of(style)))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Circle(center, radius, Pen::of(style), fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Polygon(vert.into_iter().collect(), Pen::of(style)))
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Text(Text {
            text: text.to_owned(),
            pos,
            family: generic_family(style.family().as_str()),
            size: style.size(),
            style: style.style(),
            transform: style.transform(),
            anchor: style.anchor(),
            color: style.color(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A drawing with every kind of call, written straight to SVG and through a recording.
    fn scene<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>) {
        root.fill(&WHITE).unwrap();
        let mut chart = ChartBuilder::on(root)
            .margin(10)
            .caption("title", ("sans-serif", 20))
            .x_label_area_size(30)
            .y_label_area_size(40)
            .build_cartesian_2d(0f64..10.0, 0f64..5.0)
            .unwrap();
        chart.configure_mesh().x_desc("x").y_desc("y").draw().unwrap();
        chart.draw_series(LineSeries::new((0..10).map(|i| (i as f64, i as f64 / 2.0)), &RED)).unwrap();
        chart.draw_series([Circle::new((3.0, 3.0), 4, BLUE.filled())]).unwrap();
        chart.draw_series([TriangleMarker::new((5.0, 1.0), 4, GREEN.filled())]).unwrap();
        chart.draw_series([Rectangle::new([(6.0, 1.0), (7.0, 2.0)], BLACK.mix(0.5).filled())]).unwrap();
        root.present().unwrap();
    }

    #[test]
    fn playback_writes_the_same_svg_as_drawing_directly() {
        let mut direct = String::new();
        scene(&SVGBackend::with_string(&mut direct, (320, 200)).into_drawing_area());
        let (recording, ()) = record((320, 200), scene);
        let mut replayed = String::new();
        recording.replay(&mut SVGBackend::with_string(&mut replayed, (320, 200))).unwrap();
        assert!(direct.contains("<polyline") && direct.contains("<circle") && direct.contains("title"));
        assert_eq!(direct, replayed);
    }
}
