//! The model core: recurrent cells, what a forward pass records, and the seeded maths around
//! them. Pure Rust on nalgebra — nothing here knows it is being drawn, and nothing here imports a
//! web crate, so every number the page shows is tested natively first.

pub mod activation;
pub mod cell;
pub mod decay;
pub mod export;
pub mod flow;
pub mod json;
pub mod kernel;
pub mod network;
pub mod numbers;
pub mod pretrained;
pub mod readout;
pub mod rng;
pub mod scalar;
pub mod stack;
pub mod tasks;
pub mod trace;
pub mod train;
pub mod weights;

pub use activation::Activation;
pub use rng::Rng;
pub use scalar::Real;
