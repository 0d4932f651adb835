//! Squashing functions and their derivatives.

use crate::model::Real;

/// The nonlinearity of a vanilla RNN cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Activation {
    /// tanh: range (−1, 1), slope at most 1 (γ = 1 in Pascanu et al.'s bound).
    #[default]
    Tanh,
    /// The logistic sigmoid 1/(1+e^−x): range (0, 1), slope at most 1/4 (γ = 1/4).
    Logistic,
    /// max(0, x): unbounded, slope 0 or 1.
    Relu,
}

impl Activation {
    /// Every activation, in the order menus list them.
    pub const ALL: [Activation; 3] = [Activation::Tanh, Activation::Logistic, Activation::Relu];

    /// f(x).
    pub fn apply<T: Real>(self, x: T) -> T {
        match self {
            Activation::Tanh => x.tanh(),
            Activation::Logistic => sigmoid(x),
            Activation::Relu => x.max(T::zero()),
        }
    }

    /// f′ written in terms of the output y = f(x), which every trace keeps.
    pub fn derivative_from_output<T: Real>(self, y: T) -> T {
        match self {
            Activation::Tanh => T::one() - y * y,
            Activation::Logistic => y * (T::one() - y),
            Activation::Relu => {
                if y > T::zero() {
                    T::one()
                } else {
                    T::zero()
                }
            }
        }
    }

    /// The largest slope the function ever has: γ in ‖∂h_t/∂h_{t−1}‖ ≤ γ·σ_max(W).
    pub fn max_slope(self) -> f64 {
        match self {
            Activation::Tanh | Activation::Relu => 1.0,
            Activation::Logistic => 0.25,
        }
    }

    /// A stable short name, used in URLs and files.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Tanh => "tanh",
            Activation::Logistic => "logistic",
            Activation::Relu => "relu",
        }
    }

    /// The inverse of [`Activation::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// The logistic sigmoid, written so that it neither overflows nor loses precision for large |x|.
pub fn sigmoid<T: Real>(x: T) -> T {
    if x >= T::zero() {
        T::one() / (T::one() + (-x).exp())
    } else {
        let e = x.exp();
        e / (T::one() + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn derivative_from_output_matches_a_central_difference() {
        for act in Activation::ALL {
            for &x in &[-2.3_f64, -0.4, 0.3, 1.7] {
                let eps = 1e-6;
                let numeric = (act.apply(x + eps) - act.apply(x - eps)) / (2.0 * eps);
                let analytic = act.derivative_from_output(act.apply(x));
                assert_relative_eq!(numeric, analytic, epsilon = 1e-8);
            }
        }
    }

    #[test]
    fn sigmoid_is_finite_and_saturates_at_extreme_inputs() {
        assert_eq!(sigmoid(1e4_f64), 1.0);
        assert_eq!(sigmoid(-1e4_f64), 0.0);
        assert_relative_eq!(sigmoid(0.0_f64), 0.5);
        assert!(sigmoid(-800.0_f32).is_finite());
    }

    #[test]
    fn names_round_trip() {
        for act in Activation::ALL {
            assert_eq!(Activation::from_name(act.name()), Some(act));
        }
        assert_eq!(Activation::from_name("softsign"), None);
    }
}
