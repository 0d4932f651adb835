//! Fast paths: the same maths as the cells in [`crate::model::cell`], computed over flat,
//! reused buffers with loops the compiler vectorises. The cells stay the reference — readable,
//! general (peepholes, gate surgery, every kind) and what the trace views draw; a kernel covers
//! the common case that has to be fast (training, the speed benchmark), and tests hold it to the
//! reference.

pub mod fastmath;
pub mod lstm;

pub use lstm::{KernelError, LstmKernel};
