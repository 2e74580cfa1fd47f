//! green-delivery: how much grouping deliveries together saves, and what a delivery's footprint is, computed
//! entirely in the user's browser.
//!
//! The core is plain Rust and runs natively (`cargo test`); [`wasm`](crate) bindings live in `src/wasm/` alone.

pub mod consolidation;
pub mod error;
pub mod factors;
pub mod footprint;
pub mod geo;
pub mod input;
pub mod kmeans;
pub mod models;
pub mod trace;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
