//! Small pieces that scenes share.

pub mod icon;
pub mod number;
pub mod time_cursor;
pub mod vector;
