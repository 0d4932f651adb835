//! A stroke drawn with a finger or a mouse, resampled to one value per time step.

use crate::text::Lang;

/// The most time steps a drawing may be resampled to.
pub const MAX_DRAW_STEPS: usize = 200;

/// What is wrong with a drawn stroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DrawError {
    /// Fewer than two distinct x positions: a dot, or a vertical stroke.
    TooShort,
    /// A number of steps that is 0 or above [`MAX_DRAW_STEPS`].
    BadSteps {
        /// The number asked for.
        steps: usize,
    },
    /// A point with an infinite or NaN coordinate.
    NotFinite {
        /// 1-based position of the point in drawing order.
        point: usize,
    },
}

impl DrawError {
    /// One sentence for the learner.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DrawError::TooShort, Lang::Ko) => "선을 왼쪽에서 오른쪽으로 더 길게 그려 주세요.".into(),
            (DrawError::TooShort, Lang::En) => "Draw a longer line from left to right.".into(),
            (DrawError::BadSteps { steps }, Lang::Ko) => {
                format!("시점 수는 1에서 {MAX_DRAW_STEPS} 사이여야 합니다. 지금은 {steps}입니다.")
            }
            (DrawError::BadSteps { steps }, Lang::En) => {
                format!("The number of steps must lie between 1 and {MAX_DRAW_STEPS}; it is {steps}.")
            }
            (DrawError::NotFinite { point }, Lang::Ko) => {
                format!("그림의 {point}번째 점의 좌표가 유한한 숫자가 아닙니다. 다시 그려 주세요.")
            }
            (DrawError::NotFinite { point }, Lang::En) => {
                format!(
                    "Point {point} of the drawing has a coordinate that is not a finite number; draw it again."
                )
            }
        }
    }
}

/// Turns a drawn stroke into `steps` values, at x = (k + 0.5)/steps for k = 0..steps. The points
/// (x left to right in [0, 1], y the value) are sorted by x, points sharing one x are averaged,
/// and the values between them are interpolated linearly; left of the first point the first
/// point's y holds, right of the last the last's. Every value lies between the points' least and
/// greatest y.
pub fn resample_drawing(points: &[(f64, f64)], steps: usize) -> Result<Vec<f64>, DrawError> {
    if steps == 0 || steps > MAX_DRAW_STEPS {
        return Err(DrawError::BadSteps { steps });
    }
    if let Some(k) = points.iter().position(|(x, y)| !x.is_finite() || !y.is_finite()) {
        return Err(DrawError::NotFinite { point: k + 1 });
    }
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    // One (x, y) per distinct x: the mean of the points there, kept within their range (a sum of
    // equal values divided back may round past them, and a sum of huge ones may overflow).
    let mut xs: Vec<f64> = Vec::new();
    let mut ys: Vec<f64> = Vec::new();
    for group in sorted.chunk_by(|a, b| a.0 == b.0) {
        let n = group.len() as f64;
        let (lo, hi) =
            group.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        let mean: f64 = group.iter().map(|p| p.1 / n).sum();
        xs.push(group[0].0);
        ys.push(mean.clamp(lo, hi));
    }
    if xs.len() < 2 {
        return Err(DrawError::TooShort);
    }
    let last = xs.len() - 1;
    Ok((0..steps)
        .map(|k| {
            let x = (k as f64 + 0.5) / steps as f64;
            let i = xs.partition_point(|&v| v <= x);
            if i == 0 {
                return ys[0];
            }
            if i > last {
                return ys[last];
            }
            let (x0, x1, y0, y1) = (xs[i - 1], xs[i], ys[i - 1], ys[i]);
            let t = ((x - x0) / (x1 - x0)).clamp(0.0, 1.0);
            let t = if t.is_nan() { 0.0 } else { t };
            // Weighted, not y0 + t·(y1 − y0): the difference of two huge values may overflow.
            (y0 * (1.0 - t) + y1 * t).clamp(y0.min(y1), y0.max(y1))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::finite;
    use proptest::prelude::*;

    #[test]
    fn a_straight_stroke_resamples_to_its_midpoints() {
        assert_eq!(resample_drawing(&[(0.0, 0.0), (1.0, 1.0)], 4).unwrap(), vec![0.125, 0.375, 0.625, 0.875]);
        assert_eq!(resample_drawing(&[(0.0, 2.0), (1.0, -2.0)], 2).unwrap(), vec![1.0, -1.0]);
        assert_eq!(resample_drawing(&[(0.0, 0.0), (1.0, 1.0)], 1).unwrap(), vec![0.5]);
    }

    #[test]
    fn a_stroke_is_held_flat_beyond_its_ends() {
        // x = 0.125 is left of the stroke, 0.875 right of it.
        let v = resample_drawing(&[(0.25, 1.0), (0.75, 3.0)], 4).unwrap();
        assert_eq!(v, vec![1.0, 1.5, 2.5, 3.0]);
    }

    #[test]
    fn a_stroke_drawn_right_to_left_or_back_and_forth_is_sorted_by_x() {
        let forward = resample_drawing(&[(0.0, 0.0), (0.5, 2.0), (1.0, 0.0)], 4).unwrap();
        assert_eq!(forward, vec![0.5, 1.5, 1.5, 0.5]);
        assert_eq!(resample_drawing(&[(1.0, 0.0), (0.5, 2.0), (0.0, 0.0)], 4).unwrap(), forward);
        assert_eq!(resample_drawing(&[(0.5, 2.0), (1.0, 0.0), (0.0, 0.0)], 4).unwrap(), forward);
    }

    #[test]
    fn points_that_share_an_x_are_averaged() {
        // At x = 0.5 the finger went up to 1 and 3: the stroke passes through their mean, 2.
        let v = resample_drawing(&[(0.0, 0.0), (0.5, 1.0), (0.5, 3.0), (1.0, 2.0)], 2).unwrap();
        assert_eq!(v, vec![1.0, 2.0]);
        // −0 and +0 are one x.
        let v = resample_drawing(&[(-0.0, 4.0), (0.0, 0.0), (1.0, 0.0)], 2).unwrap();
        assert_eq!(v, vec![1.5, 0.5]);
    }

    #[test]
    fn rounding_and_huge_values_stay_within_the_stroke() {
        // Three points at one x whose mean rounds past 0.1, and a flat stroke between them: every
        // value is exactly the drawn 0.1.
        let flat = [(0.0, 0.1), (0.0, 0.1), (0.0, 0.1), (0.3, 0.1), (1.0, 0.1)];
        assert!(resample_drawing(&flat, MAX_DRAW_STEPS).unwrap().iter().all(|&v| v == 0.1));
        // From the most negative to the most positive finite value: y1 − y0 would overflow.
        let v = resample_drawing(&[(0.0, -f64::MAX), (1.0, f64::MAX)], 4).unwrap();
        assert!(v.iter().all(|y| y.is_finite()), "{v:?}");
        assert!(v.windows(2).all(|w| w[0] < w[1]), "{v:?}");
        assert_eq!(v[0], -v[3]);
        // Two huge values at one x: their sum would overflow, their mean does not.
        let v = resample_drawing(&[(0.0, f64::MAX), (0.0, f64::MAX), (1.0, f64::MAX)], 3).unwrap();
        assert_eq!(v, vec![f64::MAX; 3]);
        let v = resample_drawing(&[(0.0, f64::MAX), (0.0, f64::MAX / 2.0), (1.0, 0.0)], 2).unwrap();
        assert!((v[0] / f64::MAX - 0.5625).abs() < 1e-12, "{v:?}");
    }

    #[test]
    fn a_dot_or_a_vertical_stroke_is_too_short() {
        assert_eq!(resample_drawing(&[], 10), Err(DrawError::TooShort));
        assert_eq!(resample_drawing(&[(0.3, 0.5)], 10), Err(DrawError::TooShort));
        assert_eq!(resample_drawing(&[(0.3, 0.0), (0.3, 1.0), (0.3, 0.2)], 10), Err(DrawError::TooShort));
        assert_eq!(DrawError::TooShort.message(Lang::En), "Draw a longer line from left to right.");
        assert_eq!(DrawError::TooShort.message(Lang::Ko), "선을 왼쪽에서 오른쪽으로 더 길게 그려 주세요.");
    }

    #[test]
    fn drawing_steps_must_lie_between_one_and_the_limit() {
        let line = [(0.0, 0.0), (1.0, 1.0)];
        assert_eq!(resample_drawing(&line, 0), Err(DrawError::BadSteps { steps: 0 }));
        assert_eq!(resample_drawing(&line, MAX_DRAW_STEPS + 1), Err(DrawError::BadSteps { steps: 201 }));
        assert_eq!(resample_drawing(&line, MAX_DRAW_STEPS).unwrap().len(), MAX_DRAW_STEPS);
        let e = DrawError::BadSteps { steps: 0 };
        assert!(e.message(Lang::Ko).contains("200") && e.message(Lang::En).contains("200"));
    }

    #[test]
    fn drawn_points_must_be_finite() {
        let bad = [(0.0, 0.0), (0.5, f64::NAN), (1.0, 1.0)];
        assert_eq!(resample_drawing(&bad, 4), Err(DrawError::NotFinite { point: 2 }));
        assert_eq!(
            resample_drawing(&[(0.0, 0.0), (f64::INFINITY, 1.0)], 4),
            Err(DrawError::NotFinite { point: 2 })
        );
        assert_eq!(resample_drawing(&[(f64::NEG_INFINITY, 0.0)], 4), Err(DrawError::NotFinite { point: 1 }));
        let e = DrawError::NotFinite { point: 2 };
        assert!(e.message(Lang::Ko).contains("2번째 점") && e.message(Lang::En).contains("Point 2"));
    }

    proptest! {
        #[test]
        fn any_drawing_resamples_without_panicking(
            points in proptest::collection::vec((any::<f64>(), any::<f64>()), 0..40),
            steps in 0usize..=210,
        ) {
            if let Ok(v) = resample_drawing(&points, steps) {
                prop_assert_eq!(v.len(), steps);
            }
        }

        #[test]
        fn resampled_values_lie_within_the_drawn_range(
            points in proptest::collection::vec((prop_oneof![3 => 0.0..=1.0f64, 1 => finite()], finite()), 0..40),
            steps in 1usize..=MAX_DRAW_STEPS,
        ) {
            match resample_drawing(&points, steps) {
                Ok(v) => {
                    let lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                    let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                    prop_assert_eq!(v.len(), steps);
                    for y in v {
                        prop_assert!(y.is_finite() && lo <= y && y <= hi, "{} outside [{}, {}]", y, lo, hi);
                    }
                }
                Err(e) => {
                    prop_assert_eq!(e, DrawError::TooShort);
                    let mut xs: Vec<f64> = points.iter().map(|p| p.0).collect();
                    xs.sort_by(f64::total_cmp);
                    xs.dedup_by(|a, b| a == b);
                    prop_assert!(xs.len() < 2);
                }
            }
        }
    }
}
