//! Results on their way out: a serde serializer that writes a tape (numbers, and one text with every string in it),
//! which boundary.js `unpack` turns into plain objects in one call. It makes what serde-wasm-bindgen's
//! `json_compatible()` made (`None` and `()` as null, maps as objects, enum variants as their names or
//! `{ variant: value }`, integers as numbers within the safe range), at a fraction of the wasm: that crate calls
//! into JS for every value and key.

use serde::ser::{self, Serialize};

use crate::error::{Error, Plain};

// Tape tags; boundary.js `unpack` reads the same numbers.
const NULL: f64 = 0.0;
const FALSE: f64 = 1.0;
const TRUE: f64 = 2.0;
const NUMBER: f64 = 3.0;
const TEXT: f64 = 4.0;
const LIST: f64 = 5.0;
const OBJECT: f64 = 6.0;

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A value as a tape: tags and numbers, and the text its strings are cut from (each string's length on the tape is
/// in UTF-16 units, as JS counts). A list or object is its tag, its count, then its items (an object's as key,
/// value, key, value…).
#[derive(Default)]
pub(super) struct Tape {
    pub numbers: Vec<f64>,
    pub text: String,
}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::invalid("", msg.to_string())
    }
}

// Not inlined: the serializer is instantiated for every type of every result, and these are its bulk.
impl Tape {
    #[inline(never)]
    fn text(&mut self, s: &str) {
        self.numbers.extend([TEXT, s.encode_utf16().count() as f64]);
        self.text.push_str(s);
    }

    fn integer(&mut self, v: f64) -> Result<(), Error> {
        if v.abs() > MAX_SAFE {
            return Err(Error::invalid("", format!("{} can't be represented as a JavaScript number", Plain(v))));
        }
        self.numbers.extend([NUMBER, v]);
        Ok(())
    }

    /// A list or object whose count is written when it ends.
    #[inline(never)]
    fn open(&mut self, tag: f64) -> Compound<'_> {
        self.numbers.extend([tag, 0.0]);
        let at = self.numbers.len() - 1;
        Compound { tape: self, at, count: 0 }
    }

    /// `{ variant: … }`: an object of one entry, whose value follows.
    fn variant(&mut self, variant: &str) {
        self.numbers.extend([OBJECT, 1.0]);
        self.text(variant);
    }
}

/// A list or object being written; `count` is its items (an object's entries).
pub(super) struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    count: usize,
}

impl Compound<'_> {
    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    #[inline(never)]
    fn close(self) -> Result<(), Error> {
        self.tape.numbers[self.at] = self.count as f64;
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.numbers.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    #[inline(never)]
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.numbers.extend([NUMBER, v]);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error::invalid("", "bytes are not written to JS"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.numbers.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(LIST))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(OBJECT))
    }
}

// Six of serde's compound traits differ only in their names: items go in order, a struct's fields as entries.
macro_rules! compound {
    ($($trait:ident :: $method:ident ($($key:ident: &'static str)?)),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, $($key: &'static str,)? value: &T) -> Result<(), Error> {
                $(self.tape.text($key);)?
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

compound!(
    SerializeSeq::serialize_element(),
    SerializeTuple::serialize_element(),
    SerializeTupleStruct::serialize_field(),
    SerializeTupleVariant::serialize_field(),
    SerializeStruct::serialize_field(key: &'static str),
    SerializeStructVariant::serialize_field(key: &'static str),
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        let at = self.tape.numbers.len();
        key.serialize(&mut *self.tape)?;
        if self.tape.numbers[at] != TEXT {
            return Err(Error::invalid("", "Map key is not a string and cannot be an object key"));
        }
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}
