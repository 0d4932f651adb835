//! The number type the model core is generic over.
//!
//! The core runs in `f64` where exactness matters (finite-difference gradient checks need a
//! relative error below 1e-6, which `f32` cannot resolve) and can run in `f32` where speed
//! matters (in-browser training: twice the SIMD lanes). Rather than pick one, every cell is
//! generic over [`Real`].

use nalgebra::RealField;

/// A floating-point type the model can compute in: `f32` or `f64`.
pub trait Real: RealField + Copy + std::fmt::Debug + 'static {
    /// Converts an `f64` constant (a weight, a bound, a learning rate) into this type.
    fn of(x: f64) -> Self;
    /// Converts back to `f64`, for display and export.
    fn to_f64(self) -> f64;
}

impl Real for f32 {
    fn of(x: f64) -> Self {
        x as f32
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}

impl Real for f64 {
    fn of(x: f64) -> Self {
        x
    }
    fn to_f64(self) -> f64 {
        self
    }
}
