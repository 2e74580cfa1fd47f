//! Coordinates: validation, great-circle distance, and the local plane k-means works in.
//!
//! k-means needs a space where the mean of points is meaningful, so `[lat, lon]` degrees are projected onto a
//! local equirectangular plane in km around the data: `x = R·Δlon·cos(lat₀)`, `y = R·Δlat`, with `lat₀` the
//! middle of the data's latitudes and `Δlon` wrapped into [-180°, 180°) around the circular mean longitude, so data
//! that crosses the antimeridian (the Aleutians, Fiji) is handled like any other. North-south distances are exact;
//! east-west ones are off by the factor `cos(lat)/cos(lat₀)`, which [`LocalPlane::max_scale_error`] reports:
//! about `tan(lat₀)·Δlat` in radians, i.e. 0.2% for a city 20 km tall at London's latitude and 1.1% for a region
//! ±0.5° around it.

use crate::error::{Error, Result};

/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Checks that `[lat, lon]` rows are in range; the error names the first bad row.
pub fn check_lat_lon(points: &[f64], field: &str) -> Result<()> {
    for (row, p) in points.chunks_exact(2).enumerate() {
        check_point(p[0], p[1], &|| format!("{field}[{row}]"))?;
    }
    Ok(())
}

/// One `[lat, lon]` pair; `name` builds the field name only when there is an error to report.
pub fn check_point(lat: f64, lon: f64, name: &dyn Fn() -> String) -> Result<()> {
    let bad = |what: &str, value: f64, limit: f64| Error::OutOfRange {
        field: format!("{}.{what}", name()),
        value,
        min: -limit,
        max: limit,
    };
    if !lat.is_finite() || !lon.is_finite() {
        let (what, value) = if lat.is_finite() { ("lon", lon) } else { ("lat", lat) };
        return Err(Error::NotFinite { field: format!("{}.{what}", name()), value });
    }
    if !(-90.0..=90.0).contains(&lat) {
        return Err(bad("lat", lat, 90.0));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(bad("lon", lon, 180.0));
    }
    Ok(())
}

/// Great-circle distance in km (haversine, spherical Earth; within 0.5% of the ellipsoid).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    haversine_cos_km(lat1, lon1, cos_lat(lat1), lat2, lon2, cos_lat(lat2))
}

/// The cosine of a latitude in degrees, as [`haversine_cos_km`] takes it.
pub(crate) fn cos_lat(lat: f64) -> f64 {
    lat.to_radians().cos()
}

/// [`haversine_km`] with each point's [`cos_lat`] given, found once for a point in many distances (a tenth of the
/// sines and cosines at a million orders): the same distance to the last bit.
pub(crate) fn haversine_cos_km(lat1: f64, lon1: f64, cos1: f64, lat2: f64, lon2: f64, cos2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + cos1 * cos2 * (dl / 2.0).sin().powi(2);
    // (Not `min`, a call in wasm: h is never NaN.)
    let s = h.sqrt();
    let s = if s < 1.0 { s } else { 1.0 };
    2.0 * EARTH_RADIUS_KM * s.asin()
}

/// An equirectangular plane in km centred on a set of `[lat, lon]` points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalPlane {
    pub lat0: f64,
    pub lon0: f64,
    cos_lat0: f64,
    /// Largest |cos(lat)/cos(lat₀) − 1| over the points: the worst relative error of an east-west distance.
    pub max_scale_error: f64,
}

impl LocalPlane {
    /// The plane around `points` (rows of `[lat, lon]`, already checked). Rejects data the projection cannot
    /// represent faithfully: points spread over more than half the globe in longitude, or within 1° of a pole.
    pub fn around(points: &[f64]) -> Result<Self> {
        let (mut lat_min, mut lat_max) = (f64::INFINITY, f64::NEG_INFINITY);
        let (mut sin_sum, mut cos_sum) = (0.0, 0.0);
        for p in points.chunks_exact(2) {
            lat_min = lat_min.min(p[0]);
            lat_max = lat_max.max(p[0]);
            let lon = p[1].to_radians();
            sin_sum += lon.sin();
            cos_sum += lon.cos();
        }
        if points.is_empty() {
            return Err(Error::invalid("points", "no points"));
        }
        if lat_max > 89.0 || lat_min < -89.0 {
            return Err(Error::invalid("points", "the geo metric cannot cluster points within 1° of a pole"));
        }
        let lat0 = (lat_min + lat_max) / 2.0;
        let lon0 = sin_sum.atan2(cos_sum).to_degrees();
        let spread = points.chunks_exact(2).map(|p| wrap_degrees(p[1] - lon0).abs()).fold(0.0, f64::max);
        if spread > 90.0 {
            return Err(Error::invalid(
                "points",
                "longitudes spread over more than 180°; the geo metric needs points in one region",
            ));
        }
        let cos_lat0 = lat0.to_radians().cos();
        let scale_error = |lat: f64| (lat.to_radians().cos() / cos_lat0 - 1.0).abs();
        let max_scale_error = scale_error(lat_min).max(scale_error(lat_max));
        Ok(LocalPlane { lat0, lon0, cos_lat0, max_scale_error })
    }

    /// The plane with a given origin, e.g. to place new points in a fitted model's plane.
    pub fn with_origin(lat0: f64, lon0: f64) -> Self {
        LocalPlane { lat0, lon0, cos_lat0: lat0.to_radians().cos(), max_scale_error: 0.0 }
    }

    /// `self` if its origin is one the projection can use: finite, lat within ±89° (as [`LocalPlane::around`]
    /// allows), lon within ±180°. Errors name `field` (e.g. `origin`), code `not-finite` or `out-of-range`.
    ///
    /// ```
    /// use green_delivery::geo::LocalPlane;
    /// assert!(LocalPlane::with_origin(51.5, -0.1).checked("origin").is_ok());
    /// assert_eq!(LocalPlane::with_origin(f64::NAN, 0.0).checked("origin").unwrap_err().field(), "origin");
    /// ```
    pub fn checked(self, field: &str) -> Result<Self> {
        let bad = |value: f64, limit: f64| Error::OutOfRange { field: field.into(), value, min: -limit, max: limit };
        for (value, limit) in [(self.lat0, 89.0), (self.lon0, 180.0)] {
            if !value.is_finite() {
                return Err(Error::NotFinite { field: field.into(), value });
            }
            if value.abs() > limit {
                return Err(bad(value, limit));
            }
        }
        Ok(self)
    }

    /// `[lat, lon]` → `[x, y]` in km.
    pub fn project(&self, lat: f64, lon: f64) -> [f64; 2] {
        let km_per_degree = EARTH_RADIUS_KM.to_radians();
        [wrap_degrees(lon - self.lon0) * km_per_degree * self.cos_lat0, (lat - self.lat0) * km_per_degree]
    }

    /// `[x, y]` in km → `[lat, lon]`, longitude wrapped into [-180, 180).
    pub fn unproject(&self, x: f64, y: f64) -> [f64; 2] {
        let km_per_degree = EARTH_RADIUS_KM.to_radians();
        [self.lat0 + y / km_per_degree, wrap_degrees(self.lon0 + x / (km_per_degree * self.cos_lat0))]
    }

    /// Projects rows of `[lat, lon]` into a new buffer of `[x, y]` rows.
    pub fn project_all(&self, points: &[f64]) -> Vec<f64> {
        points.chunks_exact(2).flat_map(|p| self.project(p[0], p[1])).collect()
    }
}

/// An angle in degrees wrapped into [-180, 180).
pub fn wrap_degrees(degrees: f64) -> f64 {
    (degrees + 180.0).rem_euclid(360.0) - 180.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_london_to_paris() {
        // 343.5 km by the usual spherical figure.
        let d = haversine_km(51.5072, -0.1276, 48.8566, 2.3522);
        assert!((d - 343.5).abs() < 0.5, "{d}");
    }

    #[test]
    fn plane_distances_match_great_circle_in_a_city() {
        let pts = [51.45, -0.25, 51.55, 0.05, 51.50, -0.10];
        let plane = LocalPlane::around(&pts).unwrap();
        let [x1, y1] = plane.project(51.45, -0.25);
        let [x2, y2] = plane.project(51.55, 0.05);
        let planar = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
        let great_circle = haversine_km(51.45, -0.25, 51.55, 0.05);
        assert!((planar / great_circle - 1.0).abs() < 0.002, "{planar} vs {great_circle}");
        assert!(plane.max_scale_error < 0.002);
    }

    #[test]
    fn antimeridian_is_continuous() {
        // Two points 0.2° apart across the date line, in the Aleutians.
        let pts = [52.0, 179.9, 52.0, -179.9];
        let plane = LocalPlane::around(&pts).unwrap();
        let [x1, _] = plane.project(52.0, 179.9);
        let [x2, _] = plane.project(52.0, -179.9);
        let planar = (x2 - x1).abs();
        assert!((planar - haversine_km(52.0, 179.9, 52.0, -179.9)).abs() < 0.01, "{planar}");
        let [lat, lon] = plane.unproject((x1 + x2) / 2.0, 0.0);
        assert!((lat - 52.0).abs() < 1e-9 && (lon.abs() - 180.0).abs() < 1e-9, "{lat} {lon}");
    }

    #[test]
    fn project_unproject_round_trip() {
        let plane = LocalPlane::with_origin(-33.9, 151.2);
        let [x, y] = plane.project(-33.7, 151.0);
        let [lat, lon] = plane.unproject(x, y);
        assert!((lat + 33.7).abs() < 1e-12 && (lon - 151.0).abs() < 1e-12);
    }

    #[test]
    fn rejects_what_the_plane_cannot_represent() {
        let err = LocalPlane::around(&[10.0, 0.0, 10.0, 120.0, 10.0, -120.0]).unwrap_err();
        assert!(err.to_string().contains("longitudes spread"), "{err}");
        assert!(LocalPlane::around(&[89.5, 0.0]).is_err());
    }

    #[test]
    fn check_names_the_first_bad_row() {
        let err = check_lat_lon(&[51.0, 0.0, 91.0, 0.0, 95.0, 0.0], "points").unwrap_err();
        assert_eq!(err.to_string(), "points[1].lat must be between -90 and 90, got 91");
        let err = check_lat_lon(&[51.0, f64::NAN], "points").unwrap_err();
        assert_eq!(err.to_string(), "points[0].lon must be a finite number, got NaN");
        assert_eq!(
            check_lat_lon(&[0.0, 180.5], "orders").unwrap_err().to_string(),
            "orders[0].lon must be between -180 and 180, got 180.5"
        );
    }
}
