//! Plots drawn with plotters. Every drawing function is generic over plotters' `DrawingBackend`,
//! so the same code paints the page's canvas and writes the SVG a learner exports.

pub mod log_plot;
