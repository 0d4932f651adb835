//! Recurrent cells, one file per kind.

pub mod rnn;

pub use rnn::{RnnCell, RnnShapeError};
