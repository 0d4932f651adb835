//! Small pieces that scenes share.

pub mod export;
pub mod icon;
pub mod number;
pub mod range;
pub mod sequence_editor;
pub mod text_editor;
pub mod time_cursor;
pub mod vector;
pub mod viewport;
