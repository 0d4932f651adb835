//! How a number is written and coloured on the page (shared with the landing module: see
//! [`crate::format`]).

pub use crate::format::*;
