//! Reading an experiment's setup from plain numbers (how the lab range-checks every setup):
//! each number by position, checked against its range, with an error that names the setting.

/// The largest integer an f64 holds exactly (2⁵³ − 1): the bound for seeds.
pub const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// A setup's numbers and the names of its settings, in order.
pub struct Numbers<'a> {
    values: &'a [f64],
    names: &'a [&'a str],
}

impl<'a> Numbers<'a> {
    /// `values` must hold one number per name.
    pub fn new(values: &'a [f64], names: &'a [&'a str]) -> Result<Self, String> {
        if values.len() == names.len() {
            Ok(Self { values, names })
        } else {
            Err(format!("the setup needs {} numbers, got {}", names.len(), values.len()))
        }
    }

    fn out_of_range(&self, i: usize) -> String {
        format!("{}: {} is out of range", self.names[i], self.values[i])
    }

    /// Number `i`, within `lo ..= hi` (NaN never is).
    pub fn real(&self, i: usize, lo: f64, hi: f64) -> Result<f64, String> {
        let x = self.values[i];
        if (lo..=hi).contains(&x) { Ok(x) } else { Err(self.out_of_range(i)) }
    }

    /// Number `i`, within `lo ..= hi` and above zero.
    pub fn positive(&self, i: usize, hi: f64) -> Result<f64, String> {
        self.real(i, 0.0, hi).and_then(|x| if x > 0.0 { Ok(x) } else { Err(self.out_of_range(i)) })
    }

    /// Number `i`, a whole number within `lo ..= hi`.
    pub fn whole(&self, i: usize, lo: usize, hi: usize) -> Result<usize, String> {
        let x = self.real(i, lo as f64, hi as f64)?;
        if x.fract() == 0.0 { Ok(x as usize) } else { Err(self.out_of_range(i)) }
    }

    /// Number `i`, 0 or 1.
    pub fn flag(&self, i: usize) -> Result<bool, String> {
        self.whole(i, 0, 1).map(|x| x == 1)
    }

    /// Number `i`, a seed: a whole number from 0 to 2⁵³ − 1.
    pub fn seed(&self, i: usize) -> Result<u64, String> {
        let x = self.real(i, 0.0, MAX_EXACT)?;
        if x.fract() == 0.0 { Ok(x as u64) } else { Err(self.out_of_range(i)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_checks_its_range_and_names_the_setting() {
        let v = [0.5, 3.0, 1.0, 2.5, f64::NAN, 0.0];
        let n = Numbers::new(&v, &["a", "b", "c", "d", "e", "f"]).unwrap();
        assert_eq!(n.real(0, 0.0, 1.0), Ok(0.5));
        assert_eq!(n.whole(1, 1, 3), Ok(3));
        assert_eq!(n.flag(2), Ok(true));
        assert!(n.whole(3, 0, 5).unwrap_err().starts_with("d: 2.5"));
        assert!(n.real(4, 0.0, 1.0).unwrap_err().starts_with("e: NaN"));
        assert!(n.positive(5, 1.0).unwrap_err().starts_with("f: 0"));
        assert_eq!(n.seed(1), Ok(3));
        assert!(Numbers::new(&v, &["a"]).err().unwrap().contains("1 numbers, got 6"));
    }
}
