//! Orders in and out: CSV and GeoJSON in, rounds as GeoJSON out.
//!
//! Reading never drops a row silently: [`parse_orders_csv`] and [`orders_from_geojson`] return the good orders
//! *and* one [`RowError`] per bad row (with its CSV line or its feature index), so a page can show both.
//!
//! - **CSV** (the `csv` crate): a header row, then one order per row. Header names are matched case-insensitively
//!   and trimmed: `lat` or `latitude`; `lon`, `lng` or `longitude`; `parcels`; `weight_kg`; `id`. Other columns
//!   are ignored (an address, a date). The delimiter is the one the header uses most of comma, semicolon and tab;
//!   semicolon- and tab-delimited files may use decimal commas (`51,52`). `parcels` defaults to 1 when the column is
//!   absent or the cell is empty. Rows with more cells than the header has columns, and rows of empty cells, are row
//!   errors; blank lines are counted in [`Parsed::blank_rows`].
//! - **GeoJSON**: a FeatureCollection of Points (`[lon, lat]`, as GeoJSON orders them) with optional
//!   properties `parcels`, `weight_kg` and `id` (or the feature's own `id`). Text is parsed by the caller
//!   (`serde_json` natively, `JSON.parse` in the browser) into [`GeoJson`], which accepts any JSON without failing,
//!   so that one bad feature (`null`, a string, `properties` that are not an object…) is reported as that feature's
//!   error and the others still load.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{within, Code, Error, Result};

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

    /// Total kg of the orders that have a weight, if any do (0, never -0, when none has).
    pub fn total_weight_kg(&self) -> Option<f64> {
        self.weight_kg.as_ref().map(|w| w.iter().filter(|v| !v.is_nan()).fold(0.0, |a, b| a + b))
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
        too_many_orders(n, "orders")?;
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
            let (lat, lon, parcels, weight) = (self.lat[i], self.lon[i], self.parcels[i], self.weight(i));
            // The field names are formatted only for an order that fails (formatting four per order was a
            // tenth of a second at a million orders).
            let fine = (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon)
                && (1.0..=super::limits::MAX_ORDER_PARCELS).contains(&parcels)
                && weight.is_none_or(|w| (0.0..=super::limits::MAX_ORDER_WEIGHT_KG).contains(&w));
            if !fine {
                check_order(&format!("orders[{i}]."), "weightKg", lat, lon, parcels, weight)?;
            }
        }
        Ok(())
    }

    fn weight(&self, i: usize) -> Option<f64> {
        self.weight_kg.as_ref().map(|w| w[i]).filter(|w| !w.is_nan())
    }
}

/// One order's rules; `prefix` starts each field name (`orders[3].` or `""` for a CSV row), and `weight` is the
/// weight's name where the caller wrote it (`weightKg` in JS, `weight_kg` in files).
fn check_order(prefix: &str, weight: &str, lat: f64, lon: f64, parcels: f64, weight_kg: Option<f64>) -> Result<()> {
    within(&format!("{prefix}lat"), lat, -90.0, 90.0)?;
    within(&format!("{prefix}lon"), lon, -180.0, 180.0)?;
    within(&format!("{prefix}parcels"), parcels, 1.0, super::limits::MAX_ORDER_PARCELS)?;
    if let Some(w) = weight_kg {
        within(&format!("{prefix}{weight}"), w, 0.0, super::limits::MAX_ORDER_WEIGHT_KG)?;
    }
    Ok(())
}

/// More than [`super::limits::MAX_ORDERS`] orders (or rows, or features) is `too-large` on `field`, naming the count.
fn too_many_orders(n: usize, field: &str) -> Result<()> {
    let max = super::limits::MAX_ORDERS;
    if n <= max {
        return Ok(());
    }
    Err(Error::new(Code::TooLarge, field, format!("{n} orders are more than the limit of {max} in one call")))
}

/// Longest cell echoed in a message, in characters; longer ones are cut with `…`.
pub const ECHO_CHARS: usize = 40;

/// A cell as a message shows it: at most [`ECHO_CHARS`] characters, control characters (escape sequences, line
/// breaks) written as `?`.
pub fn echo(text: &str) -> String {
    let mut out: String = text.chars().take(ECHO_CHARS).map(|c| if c.is_control() { '?' } else { c }).collect();
    if text.chars().nth(ECHO_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// An order id given as a number, written as JS's `String(n)` writes it (`7`, `1.5`, `1e+21`, `1e-7`); `None` for a
/// number that is not finite, which is no id.
///
/// ```
/// use green_delivery::consolidation::orders::number_id;
/// assert_eq!(number_id(7.0).as_deref(), Some("7"));
/// assert_eq!(number_id(-0.0).as_deref(), Some("0"));
/// assert_eq!(number_id(1e21).as_deref(), Some("1e+21"));
/// assert_eq!(number_id(123456789012345680000.0).as_deref(), Some("123456789012345680000"));
/// assert_eq!(number_id(1.5e-7).as_deref(), Some("1.5e-7"));
/// assert_eq!(number_id(0.000001).as_deref(), Some("0.000001"));
/// assert_eq!(number_id(f64::INFINITY), None);
/// ```
pub fn number_id(v: f64) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    if v == 0.0 {
        return Some("0".into());
    }
    let sign = if v < 0.0 { "-" } else { "" };
    // The shortest digits that read back as v, and the exponent: `1.5e-7` → "15", -7.
    let sci = format!("{:e}", v.abs());
    let (mantissa, exp) = sci.split_once('e')?;
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let (k, n) = (digits.len() as i64, exp.parse::<i64>().ok()? + 1);
    // ECMAScript's Number::toString: plain digits for 1e-7 < |v| < 1e21, else d.ddde±x.
    let text = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let e = if e < 0 { format!("-{}", -e) } else { format!("+{e}") };
        match digits.split_at(1) {
            (first, "") => format!("{first}e{e}"),
            (first, rest) => format!("{first}.{rest}e{e}"),
        }
    };
    Some(format!("{sign}{text}"))
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
#[serde(rename_all = "camelCase")]
pub struct Parsed {
    pub orders: Orders,
    pub errors: Vec<RowError>,
    /// CSV lines with nothing on them (not even a delimiter), skipped; blank lines at the end of the file are not
    /// counted. Always 0 for GeoJSON.
    pub blank_rows: usize,
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

/// Reads orders from CSV text. Fails (code `bad-file`, field `csv`) only when the file cannot be read as orders at
/// all: no header, no `lat` or `lon` column, a column given twice. Each bad row becomes a [`RowError`] naming its
/// line (LF, CRLF and old-Mac CR line endings all count) and field.
///
/// - **Delimiter**: the one the header uses most (comma on a tie). In a semicolon- or tab-delimited file numbers may
///   use a decimal comma (`51,52` is 51.52); in a comma-delimited file they may not, so a row with more cells than
///   the header has columns (the usual sign of decimal commas, `51,52,-0,12` under `lat,lon`) is a row error, never
///   read as the first cells.
/// - **Empty rows**: a row of empty cells (`,,` or `;;`) is a row error; a blank line (no delimiter at all) is
///   skipped and counted in [`Parsed::blank_rows`], unless only blank lines follow it (a trailing newline is not a
///   row).
///
/// ```
/// use green_delivery::consolidation::parse_orders_csv;
/// let parsed = parse_orders_csv("ID,Latitude,Lng,Parcels\na,51.5,-0.1,2\nb,91,0,1\nc,51.6,-0.2,\n").unwrap();
/// assert_eq!(parsed.orders.parcels, [2.0, 1.0]); // an empty cell is 1 parcel
/// assert_eq!(parsed.orders.ids.as_deref(), Some(&["a".to_owned(), "c".to_owned()][..]));
/// assert_eq!(parsed.errors[0].line, Some(3));
/// assert_eq!(parsed.errors[0].message, "lat must be between -90 and 90, got 91");
///
/// // Decimal commas: read in a semicolon file, refused (per row) in a comma file.
/// assert_eq!(parse_orders_csv("lat;lon\n51,52;-0,12\n").unwrap().orders.lat, [51.52]);
/// let parsed = parse_orders_csv("lat,lon\n51,52,-0,12\n").unwrap();
/// assert!(parsed.orders.is_empty());
/// assert_eq!(
///     parsed.errors[0].message,
///     "row has 4 cells for 2 columns: if numbers use a decimal comma, save the file with semicolons between columns"
/// );
/// ```
pub fn parse_orders_csv(text: &str) -> Result<Parsed> {
    let bad_file = |reason: String| Error::new(Code::BadFile, "csv", reason);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.split(['\r', '\n']).find(|line| !line.is_empty()).unwrap_or("");
    let delimiter = delimiter_of(first);
    // Cells are trimmed here rather than by the reader, so that line breaks inside quoted cells can be counted.
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| bad_file(e.to_string()))?.clone();
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    if names.iter().all(|name| name.is_empty()) {
        return Err(bad_file("no header row; expected columns lat, lon and optionally parcels, weight_kg, id".into()));
    }
    let mut at = [None; 5];
    for (i, name) in names.iter().enumerate() {
        if let Some(c) = column(name) {
            if at[c as usize].is_some() {
                return Err(bad_file(format!("column `{name}` is given twice")));
            }
            at[c as usize] = Some(i);
        }
    }
    let (Some(lat_at), Some(lon_at)) = (at[Column::Lat as usize], at[Column::Lon as usize]) else {
        return Err(bad_file(format!(
            "needs a lat (or latitude) and a lon (or lng, longitude) column; found {}",
            names.join(", ")
        )));
    };
    let mut parsed = Parsed::default();
    if at[Column::Weight as usize].is_some() {
        parsed.orders.weight_kg = Some(Vec::new());
    }
    if at[Column::Id as usize].is_some() {
        parsed.orders.ids = Some(Vec::new());
    }
    let mut lines = LineCounter { text: text.as_bytes(), at: 0, line: 1 };
    let header_line = lines.line_of(header.position().map_or(0, |p| p.byte()));
    // The line after the last record read; lines skipped before the next record are blank lines.
    let mut next_line = header_line + 1 + line_breaks(&header);
    // Blank lines not yet counted: only those followed by a row are.
    let mut blank = 0;
    for record in reader.records() {
        let (line, result) = match record {
            Ok(record) => {
                let line = lines.line_of(record.position().map_or(0, |p| p.byte()));
                blank += line.saturating_sub(next_line) as usize;
                next_line = line + 1 + line_breaks(&record);
                let cells: Vec<&str> = record.iter().map(str::trim).collect();
                if cells.len() <= 1 && cells.iter().all(|c| c.is_empty()) {
                    blank += 1; // a line of spaces
                    continue;
                }
                (line, read_record(&cells, names.len(), delimiter, lat_at, lon_at, &at))
            }
            Err(e) => (lines.line_of(e.position().map_or(0, |p| p.byte())), Err(e.to_string())),
        };
        parsed.blank_rows += std::mem::take(&mut blank);
        // Refused as soon as it is certain, so that a file of millions of bad rows never holds their messages.
        if parsed.orders.len() + parsed.errors.len() >= super::limits::MAX_ORDERS {
            let max = super::limits::MAX_ORDERS;
            return Err(Error::new(
                Code::TooLarge,
                "csv",
                format!("has more than {max} rows, the most orders in one call"),
            ));
        }
        match result {
            Ok((lat, lon, parcels, weight, id)) => parsed.orders.push(lat, lon, parcels, weight, id),
            Err(message) => parsed.errors.push(RowError { line: Some(line), feature: None, message }),
        }
    }
    Ok(parsed)
}

/// The delimiter the header line uses most: comma, semicolon or tab, in that order on a tie.
fn delimiter_of(header: &str) -> u8 {
    let count = |d: char| header.matches(d).count();
    let (comma, semicolon, tab) = (count(','), count(';'), count('\t'));
    if comma >= semicolon && comma >= tab {
        b','
    } else if semicolon >= tab {
        b';'
    } else {
        b'\t'
    }
}

/// One data row's (trimmed) cells as an order, or why not.
fn read_record(
    cells: &[&str],
    columns: usize,
    delimiter: u8,
    lat_at: usize,
    lon_at: usize,
    at: &[Option<usize>; 5],
) -> std::result::Result<Order, String> {
    if cells.iter().all(|c| c.is_empty()) {
        return Err("empty row".into());
    }
    // Extra cells that are empty are trailing delimiters, which spreadsheet exports often write; extra cells with
    // something in them are how a decimal-comma file looks when read as commas.
    if cells.len() > columns && cells[columns..].iter().any(|c| !c.is_empty()) {
        let n = cells.len();
        return Err(if delimiter == b',' {
            format!(
                "row has {n} cells for {columns} columns: if numbers use a decimal comma, save the file with \
                 semicolons between columns"
            )
        } else {
            format!("row has {n} cells for {columns} columns")
        });
    }
    let cell = |c: Option<usize>| c.and_then(|i| cells.get(i).copied()).unwrap_or("");
    let (lat, lon, parcels, weight) = read_row(
        cell(Some(lat_at)),
        cell(Some(lon_at)),
        cell(at[Column::Parcels as usize]),
        cell(at[Column::Weight as usize]),
        delimiter != b',',
    )?;
    let id = at[Column::Id as usize].map(|i| cell(Some(i)).to_owned());
    Ok((lat, lon, parcels, weight, id))
}

/// Line breaks inside a record's cells (in quoted cells), so that the record's last line is known.
fn line_breaks(record: &csv::StringRecord) -> u64 {
    record.iter().map(|cell| LineCounter::breaks(cell.as_bytes(), 0..cell.len())).sum()
}

/// Line numbers from byte offsets. The csv crate's own line count lags behind on CRLF files and after blank
/// lines (a record "starts" at the line break before it), and does not count lone CRs, which end a record as LF
/// and CRLF do. So lines are counted here: `\n`, `\r\n` and a lone `\r` each end one.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The 1-based line of the first character at or after `byte` that is not a line break. Offsets only grow.
    fn line_of(&mut self, byte: u64) -> u64 {
        let mut end = usize::try_from(byte).unwrap_or(usize::MAX).clamp(self.at, self.text.len());
        while end < self.text.len() && matches!(self.text[end], b'\r' | b'\n') {
            end += 1;
        }
        self.line += Self::breaks(self.text, self.at..end);
        self.at = end;
        self.line
    }

    /// Line breaks in `text[range]`: each `\n`, and each `\r` not followed by `\n`.
    fn breaks(text: &[u8], range: std::ops::Range<usize>) -> u64 {
        let lone_cr = |i: usize| text[i] == b'\r' && text.get(i + 1) != Some(&b'\n');
        range.filter(|&i| text[i] == b'\n' || lone_cr(i)).count() as u64
    }
}

type Row = (f64, f64, f64, Option<f64>);

/// A row's numbers, checked. With `decimal_comma` (semicolon- and tab-delimited files), `51,5` reads as 51.5.
fn read_row(
    lat: &str,
    lon: &str,
    parcels: &str,
    weight: &str,
    decimal_comma: bool,
) -> std::result::Result<Row, String> {
    let number = |name: &str, text: &str| -> std::result::Result<f64, String> {
        if text.is_empty() {
            return Err(format!("{name} is missing"));
        }
        let value = if decimal_comma && text.matches(',').count() == 1 && !text.contains('.') {
            text.replace(',', ".").parse::<f64>()
        } else {
            text.parse::<f64>()
        };
        value.map_err(|_| {
            if !decimal_comma && text.contains(',') {
                format!(
                    "{name} must be a number, got \"{}\" (decimal commas need a semicolon-delimited file)",
                    echo(text)
                )
            } else {
                format!("{name} must be a number, got \"{}\"", echo(text))
            }
        })
    };
    let lat = number("lat", lat)?;
    let lon = number("lon", lon)?;
    // A count is written in plain decimals: `1e3`, `inf` or `0x10` are not parcels.
    let decimal = |t: &str| {
        let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
        let point = if decimal_comma && !digits.contains('.') { ',' } else { '.' };
        digits.chars().any(|c| c.is_ascii_digit())
            && digits.chars().all(|c| c.is_ascii_digit() || c == point)
            && digits.matches(point).count() <= 1
    };
    let parcels = match parcels {
        "" => 1.0,
        p if !decimal(p) && p.parse::<f64>().is_ok() => {
            return Err(format!("parcels must be a decimal number, got \"{}\"", echo(p)))
        }
        p => number("parcels", p)?,
    };
    let weight = if weight.is_empty() { None } else { Some(number("weight_kg", weight)?) };
    check_order("", "weight_kg", lat, lon, parcels, weight).map_err(|e| e.to_string())?;
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

impl Loose {
    /// The value for a message: `"LineString"`, `3`, `null`, `an array`.
    pub fn describe(&self) -> String {
        match self {
            Loose::Number(v) => format!("{v}"),
            Loose::Text(t) => format!("\"{}\"", echo(t)),
            Loose::Bool(v) => format!("{v}"),
            other => other.kind().into(),
        }
    }

    /// What kind of value it is: `a string`, `an array`, `null`.
    fn kind(&self) -> &'static str {
        match self {
            Loose::Missing => "nothing",
            Loose::Null => "null",
            Loose::Number(_) => "a number",
            Loose::Text(_) => "a string",
            Loose::List(_) => "an array",
            Loose::Bool(_) => "a boolean",
            Loose::Other => "an object",
        }
    }
}

/// How a lenient type takes each kind of value. It never fails: whatever it does not expect is kept as a [`Loose`]
/// (by `other`), so that the reader can say what was there instead. Only `deserialize_any` is asked of the
/// deserializer, so this works with any self-describing one (serde_json, the package's own input reader).
trait Lenient<'de>: Sized {
    fn other(value: Loose) -> Self;

    fn map<A: MapAccess<'de>>(mut map: A) -> std::result::Result<Self, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Self::other(Loose::Other))
    }

    fn seq<A: SeqAccess<'de>>(mut seq: A) -> std::result::Result<Self, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Loose>()? {
            items.push(item);
        }
        Ok(Self::other(Loose::List(items)))
    }
}

struct LenientVisitor<T>(PhantomData<T>);

impl<'de, T: Lenient<'de>> Visitor<'de> for LenientVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<T, E> {
        Ok(T::other(Loose::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<T, E> {
        Ok(T::other(Loose::Number(v as f64)))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<T, E> {
        Ok(T::other(Loose::Number(v as f64)))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<T, E> {
        Ok(T::other(Loose::Number(v)))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<T, E> {
        Ok(T::other(Loose::Text(v.to_owned())))
    }
    fn visit_unit<E>(self) -> std::result::Result<T, E> {
        Ok(T::other(Loose::Null))
    }
    fn visit_none<E>(self) -> std::result::Result<T, E> {
        Ok(T::other(Loose::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<T, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> std::result::Result<T, A::Error> {
        T::seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<T, A::Error> {
        T::map(map)
    }
}

impl Lenient<'_> for Loose {
    fn other(value: Loose) -> Self {
        value
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

/// A value that should be an object: the object, read as `T`, or what was there instead (`Not(Loose::Missing)`
/// when absent).
#[derive(Debug, Clone, PartialEq)]
pub enum Obj<T> {
    Object(T),
    Not(Loose),
}

impl<T> Default for Obj<T> {
    fn default() -> Self {
        Obj::Not(Loose::Missing)
    }
}

impl<'de, T: Deserialize<'de>> Lenient<'de> for Obj<T> {
    fn other(value: Loose) -> Self {
        Obj::Not(value)
    }

    /// `T` from the map's entries only: a derived `T` would also take a sequence (`[1, 2]` as its fields in order).
    fn map<A: MapAccess<'de>>(map: A) -> std::result::Result<Self, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Obj::Object)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

/// A value that should be an array: its items, each read as `T`, or what was there instead.
#[derive(Debug, Clone, PartialEq)]
pub enum List<T> {
    Items(Vec<T>),
    Not(Loose),
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::Not(Loose::Missing)
    }
}

impl<'de, T: Deserialize<'de>> Lenient<'de> for List<T> {
    fn other(value: Loose) -> Self {
        List::Not(value)
    }

    fn seq<A: SeqAccess<'de>>(mut seq: A) -> std::result::Result<Self, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element::<T>()? {
            items.push(item);
        }
        Ok(List::Items(items))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

/// A GeoJSON document as read from JSON (text parsed by `serde_json`, or a JS value): a FeatureCollection, or what
/// the document was instead. Reading it never fails on the shape of the data: every part is lenient (see [`Obj`],
/// [`List`], [`Loose`]), so that each bad feature becomes that feature's [`RowError`] in [`orders_from_geojson`].
/// (A key given twice in one object is still an error of the whole document, as serde's derive makes it.)
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct GeoJson(pub Obj<Collection>);

/// A FeatureCollection's parts; anything may be missing or of the wrong kind.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Collection {
    #[serde(rename = "type", default)]
    pub kind: Loose,
    #[serde(default)]
    pub features: List<Obj<Feature>>,
}

/// One GeoJSON feature (when it is an object).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Feature {
    #[serde(rename = "type", default)]
    pub kind: Loose,
    #[serde(default)]
    pub geometry: Obj<Geometry>,
    #[serde(default)]
    pub properties: Obj<Properties>,
    #[serde(default)]
    pub id: Loose,
}

/// A feature's geometry.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Geometry {
    #[serde(rename = "type", default)]
    pub kind: Loose,
    #[serde(default)]
    pub coordinates: Loose,
}

/// The properties an order reads; any others are ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Properties {
    #[serde(default)]
    pub parcels: Loose,
    #[serde(default)]
    pub weight_kg: Loose,
    #[serde(default)]
    pub id: Loose,
}

/// Orders from a GeoJSON FeatureCollection of Points. Fails (code `bad-file`, field `geojson`) only when the document
/// is not a FeatureCollection object with a `features` array; each bad feature (not an object, no Point geometry,
/// `properties` or `geometry` of the wrong kind, a bad value) becomes a [`RowError`] with its index, and the other
/// features still load.
///
/// ```
/// use green_delivery::consolidation::{orders_from_geojson, GeoJson};
/// let text = r#"{"type": "FeatureCollection", "features": [
///   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.1, 51.5]}, "properties": {"parcels": 3}},
///   {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, "properties": {}},
///   null,
///   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": "big"}
/// ]}"#;
/// let parsed = orders_from_geojson(&serde_json::from_str::<GeoJson>(text).unwrap()).unwrap();
/// assert_eq!((parsed.orders.lat[0], parsed.orders.lon[0], parsed.orders.parcels[0]), (51.5, -0.1, 3.0));
/// let errors: Vec<_> = parsed.errors.iter().map(|e| (e.feature.unwrap(), e.message.as_str())).collect();
/// assert_eq!(errors, [
///     (1, "geometry must be a Point, got \"LineString\""),
///     (2, "feature is null, expected an object"),
///     (3, "properties must be an object, got a string"),
/// ]);
/// ```
pub fn orders_from_geojson(geojson: &GeoJson) -> Result<Parsed> {
    let bad_file = |reason: String| Error::new(Code::BadFile, "geojson", reason);
    let collection = match &geojson.0 {
        Obj::Object(collection) => collection,
        Obj::Not(other) => {
            return Err(bad_file(format!("expected a FeatureCollection object, got {}", other.kind())));
        }
    };
    if collection.kind != Loose::Text("FeatureCollection".into()) {
        return Err(bad_file(format!("type must be \"FeatureCollection\", got {}", collection.kind.describe())));
    }
    let features = match &collection.features {
        List::Items(features) => features,
        List::Not(Loose::Missing | Loose::Null) => return Err(bad_file("has no features array".into())),
        List::Not(other) => {
            return Err(bad_file(format!("features must be an array, got {}", other.kind())));
        }
    };
    too_many_orders(features.len(), "geojson")?;
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

fn read_feature(feature: &Obj<Feature>) -> std::result::Result<Order, String> {
    let feature = match feature {
        Obj::Object(feature) => feature,
        Obj::Not(other) => return Err(format!("feature is {}, expected an object", other.kind())),
    };
    if feature.kind != Loose::Text("Feature".into()) {
        return Err(format!("type must be \"Feature\", got {}", feature.kind.describe()));
    }
    let geometry = match &feature.geometry {
        Obj::Object(geometry) => geometry,
        Obj::Not(Loose::Missing | Loose::Null) => return Err("geometry is missing".into()),
        Obj::Not(other) => return Err(format!("geometry must be an object, got {}", other.kind())),
    };
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
    let props = match &feature.properties {
        Obj::Object(props) => props,
        Obj::Not(Loose::Missing | Loose::Null) => &default,
        Obj::Not(other) => return Err(format!("properties must be an object, got {}", other.kind())),
    };
    let number = |name: &str, v: &Loose| match v {
        Loose::Missing | Loose::Null => Ok(None),
        Loose::Number(v) => Ok(Some(*v)),
        Loose::Text(t) => {
            t.trim().parse::<f64>().map(Some).map_err(|_| format!("{name} must be a number, got \"{}\"", echo(t)))
        }
        other => Err(format!("{name} must be a number, got {}", other.describe())),
    };
    let parcels = number("parcels", &props.parcels)?.unwrap_or(1.0);
    let weight = number("weight_kg", &props.weight_kg)?;
    check_order("", "weight_kg", lat, lon, parcels, weight).map_err(|e| e.to_string())?;
    let id = match (&props.id, &feature.id) {
        (Loose::Text(t), _) | (Loose::Missing | Loose::Null, Loose::Text(t)) => Some(t.clone()),
        (Loose::Number(v), _) | (Loose::Missing | Loose::Null, Loose::Number(v)) => {
            Some(number_id(*v).ok_or_else(|| format!("id must be text or a finite number, got {v}"))?)
        }
        (Loose::Missing | Loose::Null, Loose::Missing | Loose::Null) => None,
        (Loose::Missing | Loose::Null, other) | (other, _) => {
            return Err(format!("id must be text or a number, got {}", other.kind()))
        }
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
        assert_eq!(parsed.blank_rows, 1);
    }

    #[test]
    fn bom_crlf_semicolons_and_short_rows() {
        let parsed = parse_orders_csv("\u{feff}Lat;Lon;Parcels\r\n51,1;0,5\r\n52;1;3\r\n53\r\n").unwrap();
        // A semicolon file may use decimal commas.
        assert_eq!(parsed.orders.lat, [51.1, 52.0]);
        assert_eq!(parsed.orders.lon, [0.5, 1.0]);
        assert_eq!(parsed.orders.parcels, [1.0, 3.0]);
        assert_eq!(parsed.errors, [RowError { line: Some(4), feature: None, message: "lon is missing".into() }]);
        let tabs = parse_orders_csv("lat\tlon\n1\t2\n").unwrap();
        assert_eq!(tabs.orders.lon, [2.0]);
    }

    /// Regression: `51,52,-0,12` under `lat,lon` was read as lat 51, lon 52.
    #[test]
    fn decimal_commas_are_read_with_semicolons_or_tabs_and_refused_with_commas() {
        let semicolons = parse_orders_csv("lat;lon;parcels\n51,52;-0,12;2\n51.5;-0.1;1\n").unwrap();
        assert_eq!(semicolons.orders.lat, [51.52, 51.5]);
        assert_eq!(semicolons.orders.lon, [-0.12, -0.1]);
        assert!(semicolons.errors.is_empty());
        let tabs = parse_orders_csv("lat\tlon\tweight_kg\n51,52\t-0,12\t2,5\n").unwrap();
        assert_eq!((tabs.orders.lat[0], tabs.orders.lon[0]), (51.52, -0.12));
        assert_eq!(tabs.orders.weight_kg, Some(vec![2.5]));
        // A header with a comma inside a name still counts as semicolon-delimited.
        let named = parse_orders_csv("id;lat;lon;note, free text\na;51,5;0,1;x\n").unwrap();
        assert_eq!(named.orders.lat, [51.5]);

        let commas = parse_orders_csv("lat,lon\n51,52,-0,12\n51.5,-0.1\n51.5,-0.1,\n").unwrap();
        assert_eq!(commas.orders.lat, [51.5, 51.5], "a trailing delimiter is not an extra cell");
        let errors: Vec<(u64, &str)> = commas.errors.iter().map(|e| (e.line.unwrap(), e.message.as_str())).collect();
        assert_eq!(
            errors,
            [(
                2,
                "row has 4 cells for 2 columns: if numbers use a decimal comma, save the file with semicolons \
                     between columns"
            ),]
        );
        // Quoted decimal commas in a comma file are not guessed at either.
        let quoted = parse_orders_csv("lat,lon\n\"51,5\",\"-0,1\"\n").unwrap();
        assert_eq!(
            quoted.errors[0].message,
            "lat must be a number, got \"51,5\" (decimal commas need a semicolon-delimited file)"
        );
        // Too many cells in a semicolon file is an error too, never read as the first cells.
        let extra = parse_orders_csv("lat;lon\n51;0;7\n").unwrap();
        assert!(extra.orders.is_empty());
        assert_eq!(extra.errors[0].message, "row has 3 cells for 2 columns");
        // Thousands separators are not decimal commas.
        let thousands = parse_orders_csv("lat;lon;parcels\n51;0;1.000,5\n").unwrap();
        assert_eq!(thousands.errors[0].message, "parcels must be a number, got \"1.000,5\"");
    }

    /// Regression: with CR-only line endings every error was reported at line 1.
    #[test]
    fn line_numbers_for_lf_crlf_and_cr_endings() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["lat,lon", "51.5,-0.1", "x,0", "", "51.6,-0.2", "91,0", ""].join(end);
            let parsed = parse_orders_csv(&text).unwrap();
            let lines: Vec<u64> = parsed.errors.iter().map(|e| e.line.unwrap()).collect();
            assert_eq!(lines, [3, 6], "{end:?}");
            assert_eq!(parsed.orders.lat, [51.5, 51.6], "{end:?}");
            assert_eq!(parsed.blank_rows, 1, "{end:?}");
        }
        // A quoted cell over two lines, then an error: lines still count.
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("id,lat,lon{end}\"a{end}b\",51,0{end}c,x,0{end}");
            let parsed = parse_orders_csv(&text).unwrap();
            assert_eq!(parsed.orders.ids, Some(vec![format!("a{end}b")]), "{end:?}");
            assert_eq!(parsed.errors[0].line, Some(4), "{end:?}");
            assert_eq!(parsed.blank_rows, 0, "{end:?}");
        }
    }

    /// Regression: rows of empty cells (`,,`) vanished without a word.
    #[test]
    fn empty_rows_are_errors_and_blank_lines_are_counted() {
        let text = "lat,lon,parcels\n51.5,-0.1,1\n,,\n\n   \n , \n51.6,-0.2,1\n\n\n";
        let parsed = parse_orders_csv(text).unwrap();
        assert_eq!(parsed.orders.lat, [51.5, 51.6]);
        let errors: Vec<(u64, &str)> = parsed.errors.iter().map(|e| (e.line.unwrap(), e.message.as_str())).collect();
        assert_eq!(errors, [(3, "empty row"), (6, "empty row")]);
        // Lines 4 and 5 are blank; the two blank lines at the end are not rows.
        assert_eq!(parsed.blank_rows, 2);
        let semicolons = parse_orders_csv("lat;lon\r\n;;\r\n51;0\r\n;\r\n").unwrap();
        assert_eq!(semicolons.errors.iter().map(|e| e.line.unwrap()).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(semicolons.errors[0].message, "empty row");
        // A trailing newline, or none, is not a row.
        for text in ["lat,lon\n51,0\n", "lat,lon\n51,0"] {
            let parsed = parse_orders_csv(text).unwrap();
            assert_eq!((parsed.orders.len(), parsed.errors.len(), parsed.blank_rows), (1, 0, 0), "{text:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn parsed_serializes_blank_rows_in_camel_case() {
        let parsed = parse_orders_csv("lat,lon\n\n51,0\n").unwrap();
        let json = serde_json::to_value(&parsed).unwrap();
        assert_eq!(json["blankRows"], 1);
        assert!(json["errors"].as_array().unwrap().is_empty());
    }

    #[test]
    fn file_level_errors() {
        let err = |text: &str| {
            let e = parse_orders_csv(text).unwrap_err();
            assert_eq!((e.code(), e.field()), (Code::BadFile, "csv"), "{text:?}");
            e.to_string()
        };
        assert!(err("").starts_with("csv: no header row"), "{}", err(""));
        assert!(err("name,lon\nx,1\n").starts_with("csv: needs a lat"), "{}", err("name,lon\nx,1\n"));
        assert_eq!(err("lat,Latitude,lon\n"), "csv: column `Latitude` is given twice");
        assert!(err("\n\n").starts_with("csv: no header row"));
        assert_eq!(err("Lat,lon, LAT \n"), "csv: column `LAT` is given twice");
        assert_eq!(
            err("name, lon \nx,1\n"),
            "csv: needs a lat (or latitude) and a lon (or lng, longitude) column; found name, lon"
        );
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
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn geojson(text: &str) -> Result<Parsed> {
        orders_from_geojson(&serde_json::from_str(text).unwrap())
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn feature_errors(parsed: &Parsed) -> Vec<(usize, &str)> {
        parsed.errors.iter().map(|e| (e.feature.unwrap(), e.message.as_str())).collect()
    }

    /// Regression: a `null` feature, or `properties` that were a string, failed the whole file.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn geojson_bad_features_are_errors_of_their_own() {
        let good = r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.1, 51.5]}}"#;
        let point = r#"{"type": "Point", "coordinates": [1, 2]}"#;
        let features = [
            good.to_owned(),
            "null".into(),
            format!(r#"{{"type": "Feature", "geometry": {point}, "properties": "parcels: 2"}}"#),
            good.into(),
            format!(r#"{{"type": "Feature", "geometry": {point}, "properties": [2, 3, "x"]}}"#),
            r#"{"type": "Feature", "geometry": "POINT (1 2)"}"#.into(),
            "7".into(),
            r#""feature""#.into(),
            "[1, 2]".into(),
            "true".into(),
            format!(r#"{{"type": "Feature", "geometry": {point}, "properties": null}}"#),
            r#"{"type": "Feature", "geometry": [1, 2]}"#.into(),
            format!(r#"{{"type": "Feature", "geometry": {point}, "properties": {{"parcels": {{"n": 2}}}}}}"#),
        ];
        let parsed =
            geojson(&format!(r#"{{"type": "FeatureCollection", "features": [{}]}}"#, features.join(","))).unwrap();
        assert_eq!(parsed.orders.lat, [51.5, 51.5, 2.0]);
        assert_eq!(
            feature_errors(&parsed),
            [
                (1, "feature is null, expected an object"),
                (2, "properties must be an object, got a string"),
                (4, "properties must be an object, got an array"),
                (5, "geometry must be an object, got a string"),
                (6, "feature is a number, expected an object"),
                (7, "feature is a string, expected an object"),
                (8, "feature is an array, expected an object"),
                (9, "feature is a boolean, expected an object"),
                (11, "geometry must be an object, got an array"),
                (12, "parcels must be a number, got an object"),
            ]
        );
        assert_eq!(parsed.orders.len() + parsed.errors.len(), features.len());
        // The same through another self-describing deserializer (a parsed `Value`, not the text reader).
        let text = format!(r#"{{"type": "FeatureCollection", "features": [{}]}}"#, features.join(","));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(orders_from_geojson(&GeoJson::deserialize(value).unwrap()).unwrap(), parsed);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_feature_must_say_it_is_one_and_ids_are_text_or_finite_numbers() {
        let point = r#""geometry": {"type": "Point", "coordinates": [1, 2]}"#;
        let features = [
            format!(r#"{{"type": "Feature", {point}, "id": 1e21}}"#),
            format!(r#"{{"type": "Topology", {point}}}"#),
            format!(r#"{{{point}}}"#),
            format!(r#"{{"type": "Feature", {point}, "properties": {{"id": 0.000001}}}}"#),
            format!(r#"{{"type": "Feature", {point}, "id": true}}"#),
            format!(r#"{{"type": "Feature", {point}, "id": "A-1"}}"#),
        ];
        let parsed =
            geojson(&format!(r#"{{"type": "FeatureCollection", "features": [{}]}}"#, features.join(","))).unwrap();
        assert_eq!(parsed.orders.ids.as_deref(), Some(&["1e+21".to_owned(), "0.000001".into(), "A-1".into()][..]));
        assert_eq!(
            feature_errors(&parsed),
            [
                (1, "type must be \"Feature\", got \"Topology\""),
                (2, "type must be \"Feature\", got nothing"),
                (4, "id must be text or a number, got a boolean"),
            ]
        );
    }

    #[test]
    fn number_ids_are_written_as_js_writes_them() {
        for (v, js) in [
            (0.1 + 0.2, "0.30000000000000004"),
            (-5.0, "-5"),
            (1e20, "100000000000000000000"),
            (1.25e21, "1.25e+21"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (-2.5e-9, "-2.5e-9"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (123.456, "123.456"),
        ] {
            assert_eq!(number_id(v).as_deref(), Some(js), "{v}");
        }
        assert_eq!(number_id(f64::NAN), None);
        assert_eq!(number_id(f64::NEG_INFINITY), None);
    }

    #[test]
    fn echoed_cells_are_cut_and_control_characters_are_hidden() {
        let parsed =
            parse_orders_csv(&format!("lat,lon\n\u{1b}]0;X\u{7}\u{1b}[2J,0\n{},0\n", "z".repeat(10_000_000))).unwrap();
        assert_eq!(parsed.errors[0].message, "lat must be a number, got \"?]0;X??[2J\"");
        assert_eq!(parsed.errors[1].message.chars().count(), "lat must be a number, got \"\"".len() + ECHO_CHARS + 1);
        assert!(parsed.errors[1].message.ends_with("zzzz…\""));
    }

    #[test]
    fn more_than_a_million_orders_are_refused_by_their_count() {
        let mut orders = Orders::default();
        for i in 0..=super::super::limits::MAX_ORDERS {
            orders.push(51.0 + (i % 100) as f64 * 0.001, 0.0, 1.0, None, None);
        }
        let e = orders.check().unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooLarge, "orders"));
        assert!(e.to_string().contains("1000001 orders"), "{e}");
        // A file of more rows is refused as soon as the row past the limit is read, whatever the rows hold.
        let e =
            parse_orders_csv(&format!("lat,lon\n{}", "x\n".repeat(super::super::limits::MAX_ORDERS + 5))).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooLarge, "csv"));
        assert!(parse_orders_csv(&format!("lat,lon\n{}", "x\n".repeat(1000))).is_ok());
    }

    #[test]
    fn parcels_are_plain_decimals() {
        let parsed =
            parse_orders_csv("lat,lon,parcels\n51,0,2\n51,0,1e3\n51,0,0x10\n51,0,inf\n51,0,+3.\n51,0,.\n").unwrap();
        assert_eq!(parsed.orders.parcels, [2.0, 3.0]);
        let lines: Vec<_> = parsed.errors.iter().map(|e| (e.line.unwrap(), e.message.as_str())).collect();
        assert_eq!(
            lines,
            [
                (3, "parcels must be a decimal number, got \"1e3\""),
                (4, "parcels must be a number, got \"0x10\""),
                (5, "parcels must be a decimal number, got \"inf\""),
                (7, "parcels must be a number, got \".\""),
            ]
        );
        assert_eq!(parse_orders_csv("lat;lon;parcels\n51;0;2,0\n").unwrap().orders.parcels, [2.0]);
    }

    #[test]
    fn a_quoted_cell_may_hold_any_line_break_and_lines_are_counted_as_editors_do() {
        // Line 2 holds a name with a lone CR, a CRLF and an LF: it ends on line 5, and the next row is line 6.
        let text = "lat,lon,id\r\n51,0,\"a\rb\r\nc\nd\"\r\nx,0,e\r\n";
        let parsed = parse_orders_csv(text).unwrap();
        assert_eq!(parsed.orders.ids.as_deref(), Some(&["a\rb\r\nc\nd".to_owned()][..]));
        assert_eq!(parsed.errors[0].line, Some(6));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn geojson_file_level_errors() {
        let err = |text: &str| {
            let e = geojson(text).unwrap_err();
            assert_eq!((e.code(), e.field()), (Code::BadFile, "geojson"), "{text}");
            e.to_string()
        };
        assert_eq!(err(r#"{"type": "Feature"}"#), "geojson: type must be \"FeatureCollection\", got \"Feature\"");
        assert_eq!(err(r#"{"features": []}"#), "geojson: type must be \"FeatureCollection\", got nothing");
        assert_eq!(err(r#"{"type": "FeatureCollection"}"#), "geojson: has no features array");
        assert_eq!(err(r#"{"type": "FeatureCollection", "features": null}"#), "geojson: has no features array");
        assert_eq!(
            err(r#"{"type": "FeatureCollection", "features": {"0": {}}}"#),
            "geojson: features must be an array, got an object"
        );
        assert_eq!(err("[]"), "geojson: expected a FeatureCollection object, got an array");
        assert_eq!(err(r#""FeatureCollection""#), "geojson: expected a FeatureCollection object, got a string");
        assert_eq!(err("null"), "geojson: expected a FeatureCollection object, got null");
        assert!(geojson(r#"{"type": "FeatureCollection", "features": []}"#).unwrap().orders.is_empty());
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
