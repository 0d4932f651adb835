//! exp, the logistic sigmoid and tanh for `f32`, written so that a loop over a slice compiles to
//! vector instructions (AVX on x86, simd128 in WebAssembly). The standard library's `expf` and
//! `tanhf` are calls into libm that no compiler vectorises; an LSTM step spends 5·H of them, which
//! at small H costs more than the matrix products.
//!
//! The method is Cephes' `expf`: write x = n·ln 2 + r with |r| ≤ ln 2 / 2, approximate e^r by a
//! degree-6 polynomial and build 2^n from its exponent bits. Error: a few ulp (the tests bound it
//! against `f64`). tanh uses Cephes' odd polynomial below |x| = 0.625, where 1 − 2/(e^{2x}+1)
//! would cancel, and the exponential above.

/// a·b + c, fused into one rounding where the target has FMA (x86 with `target-cpu=native`),
/// else a multiply and an add: `f32::mul_add` without hardware FMA is a slow library call, and
/// WebAssembly's simd128 has no FMA.
#[inline(always)]
pub(crate) fn madd(a: f32, b: f32, c: f32) -> f32 {
    if cfg!(target_feature = "fma") { a.mul_add(b, c) } else { a * b + c }
}

const LOG2_E: f32 = std::f32::consts::LOG2_E;
/// ln 2 split in two so that n·LN2_HI is exact for |n| ≤ 128.
const LN2_HI: f32 = 0.693_359_4;
const LN2_LO: f32 = -2.121_944_4e-4;

/// e^x. Saturates to e^{±88} beyond that range (f32's own range ends near 88.7); NaN stays NaN.
#[inline(always)]
pub fn exp(x: f32) -> f32 {
    let x = x.clamp(-87.0, 88.0);
    let n = (x * LOG2_E + 0.5).floor();
    let r = madd(-n, LN2_LO, madd(-n, LN2_HI, x));
    let p = madd(
        madd(
            madd(madd(madd(1.987_569_1e-4, r, 1.398_199_9e-3), r, 8.333_452e-3), r, 4.166_579_6e-2),
            r,
            1.666_666_5e-1,
        ),
        r,
        0.5,
    );
    let e = madd(p, r * r, r + 1.0);
    // n ∈ [−126, 127] after the clamp, so n + 127 is a valid biased exponent (NaN casts to 0,
    // and the NaN in `e` carries through).
    let scale = f32::from_bits(((n as i32 + 127) as u32) << 23);
    e * scale
}

/// 1 / (1 + e^−x).
#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

/// tanh x.
#[inline(always)]
pub fn tanh(x: f32) -> f32 {
    let a = x.abs();
    let z = a * a;
    let poly = madd(
        madd(madd(madd(-5.704_988_7e-3, z, 2.063_909e-2), z, -5.373_971_6e-2), z, 1.333_144_2e-1),
        z,
        -3.333_328e-1,
    );
    let small = madd(poly * z, a, a);
    let e = exp(-2.0 * a);
    let large = (1.0 - e) / (1.0 + e);
    let y = if a < 0.625 { small } else { large };
    y.copysign(x)
}

/// Applies the logistic sigmoid to every value in place.
#[inline]
pub fn sigmoid_in_place(v: &mut [f32]) {
    v.iter_mut().for_each(|x| *x = sigmoid(*x));
}

/// Applies tanh to every value in place.
#[inline]
pub fn tanh_in_place(v: &mut [f32]) {
    v.iter_mut().for_each(|x| *x = tanh(*x));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative error against the f64 functions, on a dense grid over the range that matters
    /// plus the extremes.
    fn worst(f: impl Fn(f32) -> f32, reference: impl Fn(f64) -> f64, lo: f32, hi: f32) -> f64 {
        let n = 200_001;
        (0..n)
            .map(|k| lo + (hi - lo) * k as f32 / (n - 1) as f32)
            .map(|x| {
                let want = reference(f64::from(x));
                let got = f64::from(f(x));
                (got - want).abs() / want.abs().max(f64::MIN_POSITIVE)
            })
            .fold(0.0, f64::max)
    }

    #[test]
    fn exp_is_accurate_to_a_few_ulp() {
        let err = worst(exp, f64::exp, -87.0, 88.0);
        assert!(err < 4.0 * f64::from(f32::EPSILON), "worst relative error {err:e}");
    }

    #[test]
    fn sigmoid_is_accurate_to_a_few_ulp() {
        let err = worst(sigmoid, |x| 1.0 / (1.0 + (-x).exp()), -80.0, 80.0);
        assert!(err < 4.0 * f64::from(f32::EPSILON), "worst relative error {err:e}");
    }

    #[test]
    fn tanh_is_accurate_to_a_few_ulp_including_near_zero() {
        let err = worst(tanh, f64::tanh, -20.0, 20.0);
        assert!(err < 4.0 * f64::from(f32::EPSILON), "worst relative error {err:e}");
        let tiny = worst(tanh, f64::tanh, -1e-3, 1e-3);
        assert!(tiny < 4.0 * f64::from(f32::EPSILON), "worst relative error near 0: {tiny:e}");
    }

    #[test]
    fn extremes_saturate_and_nan_propagates() {
        assert_eq!(sigmoid(1e6), 1.0);
        assert!((0.0..1e-37).contains(&sigmoid(-1e6)), "saturates at 1/(1 + e^88)");
        assert_eq!(tanh(1e6), 1.0);
        assert_eq!(tanh(-1e6), -1.0);
        assert_eq!(tanh(-0.0).to_bits(), (-0.0f32).to_bits());
        assert!(exp(f32::NAN).is_nan() && sigmoid(f32::NAN).is_nan() && tanh(f32::NAN).is_nan());
        assert!(exp(f32::INFINITY).is_finite() && exp(f32::NEG_INFINITY) > 0.0);
    }
}
