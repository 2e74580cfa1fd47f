//! Input checks and the prepared data every algorithm works on: the points (projected to km for the geo
//! metric), their weights, and the convergence threshold.

use std::borrow::Cow;

use ndarray::{ArrayView1, ArrayView2};

use crate::error::{Error, Result};
use crate::geo::{check_lat_lon, LocalPlane};
use crate::kmeans::params::Metric;

/// Points ready for clustering: row-major `n × d`, in km for the geo metric.
#[derive(Debug, Clone)]
pub struct Data<'a> {
    pub x: Cow<'a, [f64]>,
    pub weights: Option<Cow<'a, [f64]>>,
    pub n: usize,
    pub d: usize,
    /// The plane geo points were projected onto; `None` for the Euclidean metric.
    pub plane: Option<LocalPlane>,
    /// When the points were reordered, the input index of each.
    pub order: Option<Vec<u32>>,
}

impl<'a> Data<'a> {
    /// Checks points and weights (errors name the first bad row) and projects geo points, onto `plane` when
    /// given, else onto a plane around them.
    pub fn new(
        points: ArrayView2<'a, f64>,
        weights: Option<ArrayView1<'a, f64>>,
        metric: Metric,
        plane: Option<LocalPlane>,
    ) -> Result<Self> {
        let (n, d) = points.dim();
        let x = match points.to_slice() {
            Some(slice) => Cow::Borrowed(slice),
            None => Cow::Owned(points.iter().copied().collect()),
        };
        Self::from_rows(x, n, d, weights, metric, plane)
    }

    /// [`Data::new`] for `n × d` row-major points, borrowed or owned.
    pub fn from_rows(
        x: Cow<'a, [f64]>,
        n: usize,
        d: usize,
        weights: Option<ArrayView1<'a, f64>>,
        metric: Metric,
        plane: Option<LocalPlane>,
    ) -> Result<Self> {
        if n == 0 {
            return Err(Error::invalid("points", "no points"));
        }
        if d == 0 {
            return Err(Error::TooSmall { field: "dim".into(), value: 0.0, min: 1.0 });
        }
        let (x, plane) = match metric {
            Metric::Euclidean => {
                check_rows(&x, d, "points")?;
                (x, None)
            }
            Metric::Geo => {
                if d != 2 {
                    return Err(Error::invalid("dim", format!("the geo metric needs 2 columns [lat, lon], got {d}")));
                }
                check_lat_lon(&x, "points")?;
                let plane = match plane {
                    Some(plane) => plane,
                    None => LocalPlane::around(&x)?,
                };
                (Cow::Owned(plane.project_all(&x)), Some(plane))
            }
        };
        let weights = weights.map(|w| check_weights(w, n)).transpose()?;
        Ok(Data { x, weights, n, d, plane, order: None })
    }

    /// The same data, owning its buffers (for state that outlives the caller's arrays).
    pub fn into_owned(self) -> Data<'static> {
        Data {
            x: Cow::Owned(self.x.into_owned()),
            weights: self.weights.map(|w| Cow::Owned(w.into_owned())),
            n: self.n,
            d: self.d,
            plane: self.plane,
            order: self.order,
        }
    }

    /// The same points in another order: `x` holds them, and `order[i]` is the input index of the i-th.
    /// Consumes `self`, so an owned input is freed as soon as its reordered copy exists.
    pub fn reordered(self, x: Vec<f64>, order: Vec<u32>) -> Data<'a> {
        let weights = self.weights.map(|w| Cow::Owned(order.iter().map(|&i| w[i as usize]).collect()));
        Data { x: Cow::Owned(x), weights, n: self.n, d: self.d, plane: self.plane, order: Some(order) }
    }

    /// The input index of point `i`.
    #[inline(always)]
    pub fn input_index(&self, i: usize) -> usize {
        self.order.as_ref().map_or(i, |order| order[i] as usize)
    }

    /// Per-point values (one per point, in this data's order) back in the input order.
    pub fn in_input_order(&self, values: Vec<u32>) -> Vec<u32> {
        match &self.order {
            None => values,
            Some(order) => {
                let mut out = vec![0; values.len()];
                for (&i, v) in order.iter().zip(values) {
                    out[i as usize] = v;
                }
                out
            }
        }
    }

    #[inline(always)]
    pub fn weight(&self, i: usize) -> f64 {
        self.weights.as_ref().map_or(1.0, |w| w[i])
    }

    /// scikit-learn's absolute tolerance: `tol` × the mean over features of each feature's variance.
    pub fn absolute_tol(&self, tol: f64) -> f64 {
        let (n, d) = (self.n as f64, self.d);
        let mut mean = vec![0.0; d];
        for row in self.x.chunks_exact(d) {
            for (m, v) in mean.iter_mut().zip(row) {
                *m += v;
            }
        }
        mean.iter_mut().for_each(|m| *m /= n);
        let mut var = 0.0;
        for row in self.x.chunks_exact(d) {
            for (m, v) in mean.iter().zip(row) {
                var += (v - m) * (v - m);
            }
        }
        tol * var / (n * d as f64)
    }

    /// Centroids given in the caller's coordinates, moved into the data's space (km for geo).
    pub fn centroids_in(&self, centroids: ArrayView2<f64>, field: &str) -> Result<Vec<f64>> {
        let flat: Vec<f64> = centroids.iter().copied().collect();
        if centroids.ncols() != self.d {
            return Err(Error::invalid(
                field,
                format!("centroids have {} columns, the points {}", centroids.ncols(), self.d),
            ));
        }
        match self.plane {
            None => {
                check_rows(&flat, self.d, field)?;
                Ok(flat)
            }
            Some(plane) => {
                check_lat_lon(&flat, field)?;
                Ok(flat.chunks_exact(2).flat_map(|c| plane.project(c[0], c[1])).collect())
            }
        }
    }

    /// Centroids in the data's space back into the caller's coordinates.
    pub fn centroids_out(&self, centroids: &[f64]) -> Vec<f64> {
        match self.plane {
            None => centroids.to_vec(),
            Some(plane) => centroids.chunks_exact(2).flat_map(|c| plane.unproject(c[0], c[1])).collect(),
        }
    }
}

/// Largest coordinate magnitude, and largest total weight: squared distances between such points (≤ 4e150 × d)
/// and weighted sums of them (inertia, the k-means++ potential: ≤ 4e225 × d) stay finite, so every value the
/// engine compares is a number.
pub const MAX_MAGNITUDE: f64 = 1e75;

/// Every value finite and within ±[`MAX_MAGNITUDE`]; the error names the first bad row and column.
pub fn check_rows(x: &[f64], d: usize, field: &str) -> Result<()> {
    let Some(at) = x.iter().position(|v| !v.is_finite() || v.abs() > MAX_MAGNITUDE) else { return Ok(()) };
    let (field, value) = (format!("{field}[{}][{}]", at / d, at % d), x[at]);
    Err(if value.is_finite() {
        Error::OutOfRange { field, value, min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE }
    } else {
        Error::NotFinite { field, value }
    })
}

fn check_weights(w: ArrayView1<'_, f64>, n: usize) -> Result<Cow<'_, [f64]>> {
    if w.len() != n {
        return Err(Error::invalid("weights", format!("expected one weight per point ({n}), got {}", w.len())));
    }
    if let Some((i, &v)) = w.iter().enumerate().find(|(_, v)| !v.is_finite() || **v < 0.0) {
        return Err(if v.is_finite() {
            Error::TooSmall { field: format!("weights[{i}]"), value: v, min: 0.0 }
        } else {
            Error::NotFinite { field: format!("weights[{i}]"), value: v }
        });
    }
    let total: f64 = w.iter().sum();
    if total == 0.0 {
        return Err(Error::invalid("weights", "all weights are 0; at least one must be positive"));
    }
    if total > MAX_MAGNITUDE {
        return Err(Error::OutOfRange {
            field: "weights (their total)".into(),
            value: total,
            min: 0.0,
            max: MAX_MAGNITUDE,
        });
    }
    Ok(match w.to_slice() {
        Some(slice) => Cow::Borrowed(slice),
        None => Cow::Owned(w.to_vec()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{array, Array2};

    #[test]
    fn non_finite_point_names_row_and_column() {
        let p = array![[0.0, 1.0], [2.0, f64::INFINITY]];
        let err = Data::new(p.view(), None, Metric::Euclidean, None).unwrap_err();
        assert_eq!(err.to_string(), "points[1][1] must be a finite number, got Infinity");
    }

    #[test]
    fn magnitudes_that_could_overflow_are_rejected() {
        let p = array![[0.0, 1e75], [-2e75, 0.0]];
        let err = Data::new(p.view(), None, Metric::Euclidean, None).unwrap_err();
        assert!(err.to_string().starts_with("points[1][0] must be between"), "{err}");
        assert!(Data::new(p.slice(ndarray::s![0..1, ..]), None, Metric::Euclidean, None).is_ok());
        let (p, w) = (array![[0.0], [1.0]], array![1e75, 1e75]);
        let err = Data::new(p.view(), Some(w.view()), Metric::Euclidean, None).unwrap_err();
        assert!(err.to_string().starts_with("weights (their total) must be between 0 and"), "{err}");
    }

    #[test]
    fn geo_checks_ranges_and_dimension() {
        let p = array![[51.5, 0.0], [-91.0, 0.0]];
        let err = Data::new(p.view(), None, Metric::Geo, None).unwrap_err();
        assert_eq!(err.to_string(), "points[1].lat must be between -90 and 90, got -91");
        let p3 = Array2::<f64>::zeros((2, 3));
        assert!(Data::new(p3.view(), None, Metric::Geo, None).unwrap_err().to_string().starts_with("dim:"));
    }

    #[test]
    fn weights_rules() {
        let p = array![[0.0], [1.0]];
        let w = array![1.0, -1.0];
        let err = Data::new(p.view(), Some(w.view()), Metric::Euclidean, None).unwrap_err();
        assert_eq!(err.to_string(), "weights[1] must be at least 0, got -1");
        let w = array![0.0, 0.0];
        let err = Data::new(p.view(), Some(w.view()), Metric::Euclidean, None).unwrap_err();
        assert!(err.to_string().starts_with("weights: all weights are 0"));
        let w = array![1.0];
        assert!(Data::new(p.view(), Some(w.view()), Metric::Euclidean, None).is_err());
        let w = array![f64::NAN, 1.0];
        let err = Data::new(p.view(), Some(w.view()), Metric::Euclidean, None).unwrap_err();
        assert_eq!(err.to_string(), "weights[0] must be a finite number, got NaN");
    }

    #[test]
    fn tolerance_is_relative_to_mean_variance() {
        // Feature variances 1 and 4 (population), mean 2.5.
        let p = array![[-1.0, -2.0], [1.0, 2.0]];
        let data = Data::new(p.view(), None, Metric::Euclidean, None).unwrap();
        assert_eq!(data.absolute_tol(1e-4), 2.5e-4);
    }
}
