//! Orders in and out: CSV and GeoJSON in, rounds as GeoJSON out.
//!
//! Reading never drops a row silently: [`parse_orders_csv`] and [`orders_from_geojson`] return the good orders
//! *and* one [`RowError`] per bad row (with its CSV line or its feature index), so a page can show both.
//!
//! - **CSV** (the `csv` crate): a header row, then one order per row. Header names are matched case-insensitively
//!   and trimmed: `lat` or `latitude`; `lon`, `lng` or `longitude`; `parcels`; `weight_kg`; `id`. Other columns
//!   are ignored (an address, a date). The delimiter is a comma, or a semicolon or tab when the header has no
//!   comma. `parcels` defaults to 1 when the column is absent or the cell is empty.
//! - **GeoJSON**: a FeatureCollection of Points (`[lon, lat]`, as GeoJSON orders them) with optional
//!   properties `parcels`, `weight_kg` and `id` (or the feature's own `id`). Text is parsed by the caller
//!   (`serde_json` natively, `JSON.parse` in the browser) into [`GeoJson`], which accepts any JSON without failing,
//!   so that one bad feature is reported as that feature's error.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{within, Error, Result};

/// Orders, one entry per order in each column.
///
/// ```
/// use green_delivery::consolidation::Orders;
/// let mut orders = Orders::default();
/// orders.push(51.5, -0.1, 2.0, None, None);
/// assert_eq!((orders.len(), orders.total_parcels()), (1, 2.0));
/// assert!(orders.check().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Orders {
    pub lat: Vec<f64>,
    pub lon: Vec<f64>,
    /// Parcels per order, ≥ 1.
    pub parcels: Vec<f64>,
    /// kg per order, NaN where not given; `None` when no order has a weight.
    pub weight_kg: Option<Vec<f64>>,
    /// Ids, `""` where not given; `None` when no order has one.
    pub ids: Option<Vec<String>>,
}

impl Orders {
    pub fn len(&self) -> usize {
        self.lat.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lat.is_empty()
    }

    /// Appends an order (not checked: see [`Orders::check`]).
    pub fn push(&mut self, lat: f64, lon: f64, parcels: f64, weight_kg: Option<f64>, id: Option<String>) {
        let n = self.len();
        self.lat.push(lat);
        self.lon.push(lon);
        self.parcels.push(parcels);
        if weight_kg.is_some() && self.weight_kg.is_none() {
            self.weight_kg = Some(vec![f64::NAN; n]);
        }
        if let Some(w) = &mut self.weight_kg {
            w.push(weight_kg.unwrap_or(f64::NAN));
        }
        if id.is_some() && self.ids.is_none() {
            self.ids = Some(vec![String::new(); n]);
        }
        if let Some(ids) = &mut self.ids {
            ids.push(id.unwrap_or_default());
        }
    }

    pub fn total_parcels(&self) -> f64 {
        self.parcels.iter().sum()
    }

    /// Total kg of the orders that have a weight, if any do.
    pub fn total_weight_kg(&self) -> Option<f64> {
        self.weight_kg.as_ref().map(|w| w.iter().filter(|v| !v.is_nan()).sum())
    }

    /// At least one order; columns of equal length; every order valid. Errors name the first bad order, e.g.
    /// `orders[3].parcels must be between 1 and 1000000, got 0`.
    ///
    /// ```
    /// use green_delivery::consolidation::Orders;
    /// assert_eq!(Orders::default().check().unwrap_err().to_string(), "orders: no orders");
    /// let mut orders = Orders::default();
    /// orders.push(f64::NAN, 0.0, 1.0, None, None);
    /// assert_eq!(orders.check().unwrap_err().to_string(), "orders[0].lat must be a finite number, got NaN");
    /// ```
    pub fn check(&self) -> Result<()> {
        let n = self.len();
        if n == 0 {
            return Err(Error::invalid("orders", "no orders"));
        }
        let same = |name: &str, len: usize| {
            if len == n {
                Ok(())
            } else {
                Err(Error::invalid(format!("orders.{name}"), format!("has {len} values for {n} orders")))
            }
        };
        same("lon", self.lon.len())?;
        same("parcels", self.parcels.len())?;
        if let Some(w) = &self.weight_kg {
            same("weightKg", w.len())?;
        }
        if let Some(ids) = &self.ids {
            same("ids", ids.len())?;
        }
        for i in 0..n {
            check_order(&format!("orders[{i}]."), self.lat[i], self.lon[i], self.parcels[i], self.weight(i))?;
        }
        Ok(())
    }

    fn weight(&self, i: usize) -> Option<f64> {
        self.weight_kg.as_ref().map(|w| w[i]).filter(|w| !w.is_nan())
    }
}

/// One order's rules; `prefix` starts each field name (`orders[3].` or `""` for a CSV row).
fn check_order(prefix: &str, lat: f64, lon: f64, parcels: f64, weight_kg: Option<f64>) -> Result<()> {
    within(&format!("{prefix}lat"), lat, -90.0, 90.0)?;
    within(&format!("{prefix}lon"), lon, -180.0, 180.0)?;
    within(&format!("{prefix}parcels"), parcels, 1.0, super::limits::MAX_ORDER_PARCELS)?;
    if let Some(w) = weight_kg {
        within(&format!("{prefix}weight_kg"), w, 0.0, super::limits::MAX_ORDER_WEIGHT_KG)?;
    }
    Ok(())
}

/// A row that could not be read, and why. CSV rows have a `line` (1-based, the header is line 1); GeoJSON features
/// have a `feature` index (0-based).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature: Option<usize>,
    pub message: String,
}

/// The orders that were read, and the rows that were not.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Parsed {
    pub orders: Orders,
    pub errors: Vec<RowError>,
}

#[derive(Clone, Copy, PartialEq)]
enum Column {
    Lat,
    Lon,
    Parcels,
    Weight,
    Id,
}

fn column(name: &str) -> Option<Column> {
    match name.trim().to_ascii_lowercase().as_str() {
        "lat" | "latitude" => Some(Column::Lat),
        "lon" | "lng" | "longitude" => Some(Column::Lon),
        "parcels" => Some(Column::Parcels),
        "weight_kg" => Some(Column::Weight),
        "id" => Some(Column::Id),
        _ => None,
    }
}

/// Reads orders from CSV text. Fails only when the file cannot be read as orders at all (no header, no `lat` or
/// `lon` column, a column given twice); each bad row becomes a [`RowError`] naming its line and field.
///
/// ```
/// use green_delivery::consolidation::parse_orders_csv;
/// let parsed = parse_orders_csv("ID,Latitude,Lng,Parcels\na,51.5,-0.1,2\nb,91,0,1\nc,51.6,-0.2,\n").unwrap();
/// assert_eq!(parsed.orders.parcels, [2.0, 1.0]); // an empty cell is 1 parcel
/// assert_eq!(parsed.orders.ids.as_deref(), Some(&["a".to_owned(), "c".to_owned()][..]));
/// assert_eq!(parsed.errors[0].line, Some(3));
/// assert_eq!(parsed.errors[0].message, "lat must be between -90 and 90, got 91");
/// ```
pub fn parse_orders_csv(text: &str) -> Result<Parsed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = match (first.contains(','), first.contains(';'), first.contains('\t')) {
        (false, true, _) => b';',
        (false, false, true) => b'\t',
        _ => b',',
    };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| Error::invalid("csv", e.to_string()))?.clone();
    if header.iter().all(str::is_empty) {
        return Err(Error::invalid(
            "csv",
            "no header row; expected columns lat, lon and optionally parcels, weight_kg, id",
        ));
    }
    let mut at = [None; 5];
    for (i, name) in header.iter().enumerate() {
        if let Some(c) = column(name) {
            if at[c as usize].is_some() {
                return Err(Error::invalid("csv", format!("column `{name}` is given twice")));
            }
            at[c as usize] = Some(i);
        }
    }
    let (Some(lat_at), Some(lon_at)) = (at[Column::Lat as usize], at[Column::Lon as usize]) else {
        let found: Vec<&str> = header.iter().collect();
        return Err(Error::invalid(
            "csv",
            format!("needs a lat (or latitude) and a lon (or lng, longitude) column; found {}", found.join(", ")),
        ));
    };
    let mut parsed = Parsed::default();
    if at[Column::Weight as usize].is_some() {
        parsed.orders.weight_kg = Some(Vec::new());
    }
    if at[Column::Id as usize].is_some() {
        parsed.orders.ids = Some(Vec::new());
    }
    let mut lines = LineCounter { text: text.as_bytes(), at: 0, line: 1 };
    for record in reader.records() {
        let (line, result) = match record {
            Ok(record) => {
                let line = lines.line_of(record.position().map_or(0, |p| p.byte()));
                let cell = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("");
                if record.iter().all(str::is_empty) {
                    continue; // a blank line, not an order
                }
                let row = read_row(
                    cell(Some(lat_at)),
                    cell(Some(lon_at)),
                    cell(at[Column::Parcels as usize]),
                    cell(at[Column::Weight as usize]),
                );
                let id = at[Column::Id as usize].map(|i| record.get(i).unwrap_or("").to_owned());
                (line, row.map(|(lat, lon, parcels, weight)| (lat, lon, parcels, weight, id)))
            }
            Err(e) => (lines.line_of(e.position().map_or(0, |p| p.byte())), Err(e.to_string())),
        };
        match result {
            Ok((lat, lon, parcels, weight, id)) => parsed.orders.push(lat, lon, parcels, weight, id),
            Err(message) => parsed.errors.push(RowError { line: Some(line), feature: None, message }),
        }
    }
    Ok(parsed)
}

/// Line numbers from byte offsets. The csv crate's own line count lags behind on CRLF files and after blank
/// lines (a record "starts" at the line break before it), so the line is counted here, past any line breaks.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The 1-based line of the first character at or after `byte` that is not a line break. Offsets only grow.
    fn line_of(&mut self, byte: u64) -> u64 {
        let mut end = (byte as usize).clamp(self.at, self.text.len());
        while end < self.text.len() && matches!(self.text[end], b'\r' | b'\n') {
            end += 1;
        }
        self.line += self.text[self.at..end].iter().filter(|&&b| b == b'\n').count() as u64;
        self.at = end;
        self.line
    }
}

type Row = (f64, f64, f64, Option<f64>);

fn read_row(lat: &str, lon: &str, parcels: &str, weight: &str) -> std::result::Result<Row, String> {
    let number = |name: &str, text: &str| -> std::result::Result<f64, String> {
        if text.is_empty() {
            return Err(format!("{name} is missing"));
        }
        text.parse::<f64>().map_err(|_| format!("{name} must be a number, got \"{text}\""))
    };
    let lat = number("lat", lat)?;
    let lon = number("lon", lon)?;
    let parcels = if parcels.is_empty() { 1.0 } else { number("parcels", parcels)? };
    let weight = if weight.is_empty() { None } else { Some(number("weight_kg", weight)?) };
    check_order("", lat, lon, parcels, weight).map_err(|e| e.to_string())?;
    Ok((lat, lon, parcels, weight))
}

/// Any JSON value, read without failing, so a bad feature is reported rather than failing the whole file.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Loose {
    #[default]
    Missing,
    Null,
    Number(f64),
    Text(String),
    List(Vec<Loose>),
    Bool(bool),
    /// An object.
    Other,
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct LooseVisitor;
        impl<'de> Visitor<'de> for LooseVisitor {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<Loose, E> {
                Ok(Loose::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> std::result::Result<Loose, E> {
                Ok(Loose::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_unit<E>(self) -> std::result::Result<Loose, E> {
                Ok(Loose::Null)
            }
            fn visit_none<E>(self) -> std::result::Result<Loose, E> {
                Ok(Loose::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Loose, D::Error> {
                Loose::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Loose, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Loose>()? {
                    items.push(item);
                }
                Ok(Loose::List(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Loose, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
        }
        deserializer.deserialize_any(LooseVisitor)
    }
}

impl Loose {
    fn describe(&self) -> String {
        match self {
            Loose::Missing => "nothing".into(),
            Loose::Null => "null".into(),
            Loose::Number(v) => format!("{v}"),
            Loose::Text(t) => format!("\"{t}\""),
            Loose::List(_) => "a list".into(),
            Loose::Bool(v) => format!("{v}"),
            Loose::Other => "an object".into(),
        }
    }
}

/// A GeoJSON FeatureCollection as read from JSON; every part is optional so that bad features become row errors.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GeoJson {
    #[serde(rename = "type", default)]
    pub kind: Loose,
    #[serde(default)]
    pub features: Option<Vec<Feature>>,
}

/// One GeoJSON feature.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Feature {
    #[serde(default)]
    pub geometry: Option<Geometry>,
    #[serde(default)]
    pub properties: Option<Properties>,
    #[serde(default)]
    pub id: Loose,
}

/// A feature's geometry.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Geometry {
    #[serde(rename = "type", default)]
    pub kind: Loose,
    #[serde(default)]
    pub coordinates: Loose,
}

/// The properties an order reads; any others are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Properties {
    #[serde(default)]
    pub parcels: Loose,
    #[serde(default)]
    pub weight_kg: Loose,
    #[serde(default)]
    pub id: Loose,
}

/// Orders from a GeoJSON FeatureCollection of Points. Fails only when it is not a FeatureCollection; each bad
/// feature becomes a [`RowError`] with its index.
///
/// ```
/// use green_delivery::consolidation::{orders_from_geojson, GeoJson};
/// let text = r#"{"type": "FeatureCollection", "features": [
///   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.1, 51.5]}, "properties": {"parcels": 3}},
///   {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, "properties": {}}
/// ]}"#;
/// let parsed = orders_from_geojson(&serde_json::from_str::<GeoJson>(text).unwrap()).unwrap();
/// assert_eq!((parsed.orders.lat[0], parsed.orders.lon[0], parsed.orders.parcels[0]), (51.5, -0.1, 3.0));
/// assert_eq!(parsed.errors[0].feature, Some(1));
/// assert_eq!(parsed.errors[0].message, "geometry must be a Point, got \"LineString\"");
/// ```
pub fn orders_from_geojson(geojson: &GeoJson) -> Result<Parsed> {
    if geojson.kind != Loose::Text("FeatureCollection".into()) {
        return Err(Error::invalid(
            "geojson.type",
            format!("expected \"FeatureCollection\", got {}", geojson.kind.describe()),
        ));
    }
    let features = geojson.features.as_deref().ok_or_else(|| Error::invalid("geojson.features", "missing"))?;
    let mut parsed = Parsed::default();
    for (i, feature) in features.iter().enumerate() {
        match read_feature(feature) {
            Ok((lat, lon, parcels, weight, id)) => parsed.orders.push(lat, lon, parcels, weight, id),
            Err(message) => parsed.errors.push(RowError { line: None, feature: Some(i), message }),
        }
    }
    Ok(parsed)
}

/// lat, lon, parcels, weight, id.
type Order = (f64, f64, f64, Option<f64>, Option<String>);

fn read_feature(feature: &Feature) -> std::result::Result<Order, String> {
    let geometry = feature.geometry.as_ref().ok_or("geometry is missing")?;
    if geometry.kind != Loose::Text("Point".into()) {
        return Err(format!("geometry must be a Point, got {}", geometry.kind.describe()));
    }
    let (lon, lat) = match &geometry.coordinates {
        Loose::List(c) => match c.as_slice() {
            [Loose::Number(lon), Loose::Number(lat), ..] => (*lon, *lat),
            _ => return Err("coordinates must be [lon, lat] numbers".into()),
        },
        other => return Err(format!("coordinates must be [lon, lat], got {}", other.describe())),
    };
    let default = Properties::default();
    let props = feature.properties.as_ref().unwrap_or(&default);
    let number = |name: &str, v: &Loose| match v {
        Loose::Missing | Loose::Null => Ok(None),
        Loose::Number(v) => Ok(Some(*v)),
        Loose::Text(t) => {
            t.trim().parse::<f64>().map(Some).map_err(|_| format!("{name} must be a number, got \"{t}\""))
        }
        other => Err(format!("{name} must be a number, got {}", other.describe())),
    };
    let parcels = number("parcels", &props.parcels)?.unwrap_or(1.0);
    let weight = number("weight_kg", &props.weight_kg)?;
    check_order("", lat, lon, parcels, weight).map_err(|e| e.to_string())?;
    let id = match (&props.id, &feature.id) {
        (Loose::Text(t), _) | (Loose::Missing | Loose::Null, Loose::Text(t)) => Some(t.clone()),
        (Loose::Number(v), _) | (Loose::Missing | Loose::Null, Loose::Number(v)) => Some(format!("{v}")),
        _ => None,
    };
    Ok((lat, lon, parcels, weight, id))
}

/// A GeoJSON FeatureCollection to write.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeatureCollection {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub features: Vec<OutFeature>,
}

/// One feature written: a Point or a LineString with properties.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutFeature {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub geometry: OutGeometry,
    pub properties: OutProperties,
}

/// Coordinates are `[lon, lat]`, as GeoJSON orders them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum OutGeometry {
    Point([f64; 2]),
    LineString(Vec<[f64; 2]>),
}

/// What a written feature is: `kind` is `depot`, `round`, `stop`, `pickup` or `hub`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutProperties {
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<&'static str>,
    /// The round a line is, or a stop is on (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<usize>,
    /// A stop's place in its round (1 = first after the depot).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence: Option<usize>,
    /// A stop's index in the orders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parcels: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stops: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub km: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate: Option<bool>,
}

impl OutFeature {
    pub fn point(lat: f64, lon: f64, properties: OutProperties) -> Self {
        OutFeature { kind: "Feature", geometry: OutGeometry::Point([lon, lat]), properties }
    }

    pub fn line(lat_lon: impl Iterator<Item = [f64; 2]>, properties: OutProperties) -> Self {
        OutFeature {
            kind: "Feature",
            geometry: OutGeometry::LineString(lat_lon.map(|[lat, lon]| [lon, lat]).collect()),
            properties,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_case_insensitive_with_aliases() {
        for header in ["lat,lon", "LATITUDE,Longitude", " Lat , LNG "] {
            let parsed = parse_orders_csv(&format!("{header}\n51.5,-0.1\n")).unwrap();
            assert_eq!(
                (parsed.orders.lat.as_slice(), parsed.orders.lon.as_slice()),
                (&[51.5][..], &[-0.1][..]),
                "{header}"
            );
            assert!(parsed.errors.is_empty());
            assert_eq!(parsed.orders.ids, None);
        }
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let text = "id,lat,lon,parcels,weight_kg,address\n\
                    a,51.5,-0.1,1,2.5,\"1 High St, London\"\n\
                    b,abc,-0.1,1,,\n\
                    \n\
                    c,51.5,-0.1,0,,\n\
                    d,51.5,,1,,\n\
                    e,51.5,-0.1,1,-3,\n\
                    f,51.5,181,1,,\n\
                    g,NaN,0,1,,\n\
                    h,51.6,-0.2,2,,\n";
        let parsed = parse_orders_csv(text).unwrap();
        assert_eq!(parsed.orders.ids.as_ref().unwrap(), &["a", "h"]);
        let w = parsed.orders.weight_kg.as_ref().unwrap();
        assert_eq!(w[0], 2.5);
        assert!(w[1].is_nan());
        let errors: Vec<(u64, &str)> = parsed.errors.iter().map(|e| (e.line.unwrap(), e.message.as_str())).collect();
        assert_eq!(
            errors,
            [
                (3, "lat must be a number, got \"abc\""),
                (5, "parcels must be between 1 and 1000000, got 0"),
                (6, "lon is missing"),
                (7, "weight_kg must be between 0 and 1000000, got -3"),
                (8, "lon must be between -180 and 180, got 181"),
                (9, "lat must be a finite number, got NaN"),
            ]
        );
        // Nothing is dropped silently: every non-blank data row is an order or an error.
        assert_eq!(parsed.orders.len() + parsed.errors.len(), 8);
    }

    #[test]
    fn bom_crlf_semicolons_and_short_rows() {
        let parsed = parse_orders_csv("\u{feff}Lat;Lon;Parcels\r\n51,1;0,5\r\n52;1;3\r\n53\r\n").unwrap();
        // "51,1" is not a number in a semicolon file (no decimal commas), so it is an error, not a guess.
        assert_eq!(parsed.orders.lat, [52.0]);
        assert_eq!(parsed.orders.parcels, [3.0]);
        assert_eq!(parsed.errors.len(), 2);
        assert_eq!(parsed.errors[1], RowError { line: Some(4), feature: None, message: "lon is missing".into() });
        let tabs = parse_orders_csv("lat\tlon\n1\t2\n").unwrap();
        assert_eq!(tabs.orders.lon, [2.0]);
    }

    #[test]
    fn file_level_errors() {
        let err = |text: &str| parse_orders_csv(text).unwrap_err().to_string();
        assert!(err("").starts_with("csv: no header row"), "{}", err(""));
        assert!(err("name,lon\nx,1\n").starts_with("csv: needs a lat"), "{}", err("name,lon\nx,1\n"));
        assert_eq!(err("lat,Latitude,lon\n"), "csv: column `Latitude` is given twice");
        assert!(parse_orders_csv("lat,lon\n").unwrap().orders.is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn geojson_features_are_read_or_reported() {
        let text = r#"{"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [-0.1, 51.5]},
           "properties": {"parcels": "2", "weight_kg": 1.5, "colour": "red"}},
          {"type": "Feature", "geometry": null, "properties": {}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 95]}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", 1]}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"parcels": true}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2, 30]}, "properties": {"id": "x"}}
        ]}"#;
        let parsed = orders_from_geojson(&serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(parsed.orders.lat, [51.5, 2.0]);
        assert_eq!(parsed.orders.parcels, [2.0, 1.0]);
        assert_eq!(parsed.orders.ids.as_ref().unwrap(), &["7", "x"]);
        let errors: Vec<(usize, &str)> =
            parsed.errors.iter().map(|e| (e.feature.unwrap(), e.message.as_str())).collect();
        assert_eq!(
            errors,
            [
                (1, "geometry is missing"),
                (2, "lat must be between -90 and 90, got 95"),
                (3, "coordinates must be [lon, lat] numbers"),
                (4, "parcels must be a number, got true"),
            ]
        );
        let not_fc: GeoJson = serde_json::from_str(r#"{"type": "Feature"}"#).unwrap();
        assert_eq!(
            orders_from_geojson(&not_fc).unwrap_err().to_string(),
            "geojson.type: expected \"FeatureCollection\", got \"Feature\""
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn geometry_is_written_lon_first() {
        let f = OutFeature::point(51.5, -0.1, OutProperties { kind: "depot", ..Default::default() });
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.1, 51.5]}, "properties": {"kind": "depot"}})
        );
    }
}
