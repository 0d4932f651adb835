//! Plots drawn with plotters. Every drawing function is generic over plotters' `DrawingBackend`
//! and is drawn once into a [`record::Recording`], which then paints the page's canvas or writes
//! the SVG a learner exports (and the SVG the native tests read).

pub mod canvas;
pub mod heatmap;
pub mod legend;
pub mod lines;
pub mod log_plot;
pub mod record;
