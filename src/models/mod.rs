//! The three formula models every estimate is built from:
//!
//! | model | formula | unit of the result |
//! |---|---|---|
//! | [`efficiency()`] | Efficiency = Output / Input | output unit per input unit |
//! | [`energy()`] | Energy = Power × Time (× PUE) | kWh (and J) |
//! | [`emission()`] | Emission = Activity × Emission factor | kg CO2e, split WTW = TTW + WTT |
//!
//! The original brief writes the emission model as Waste × Concentration: the activity is the mass of waste and
//! the factor its concentration of CO2e per unit mass.

pub mod efficiency;
pub mod emission;
pub mod energy;

pub use efficiency::{efficiency, Efficiency, EfficiencyInput};
pub use emission::{emission, Emission, EmissionFactor, EmissionInput};
pub use energy::{energy, Energy, EnergyInput, PowerUnit, TimeUnit};
