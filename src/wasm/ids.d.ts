// Written by tests/typescript_ids.rs from the crate's tables: do not edit; after changing a table, run
// `UPDATE_IDS=1 cargo test --test typescript_ids`. src/wasm/checkout.rs includes it in the packages' .d.ts.
/** Every factor of the table (`factors()`), by id. */
export type FactorId =
  | "diesel-van" | "petrol-van" | "electric-van" | "e-cargo-bike" | "hgv-artic" | "petrol-car" | "diesel-car"
  | "electric-car" | "walk" | "cycle" | "diesel-fuel" | "petrol-fuel" | "uk-grid-2025" | "grid-world" | "grid-eu"
  | "grid-de" | "grid-fr" | "grid-us" | "grid-in" | "grid-cn" | "board-landfill" | "board-incineration"
  | "board-recycling" | "paper-landfill" | "paper-incineration" | "paper-recycling" | "plastic-landfill"
  | "plastic-incineration" | "plastic-recycling" | "plastic-recycling-open" | "plastic-film-landfill"
  | "plastic-film-incineration" | "plastic-film-recycling" | "plastic-film-recycling-open" | "weee-small-landfill"
  | "weee-small-incineration" | "weee-small-recycling" | "weee-large-landfill" | "weee-large-incineration"
  | "weee-large-recycling" | "weee-mixed-landfill" | "weee-mixed-incineration" | "weee-mixed-recycling"
  | "battery-landfill" | "battery-recycling" | "board-primary" | "board-closed-loop-source" | "paper-primary"
  | "paper-closed-loop-source" | "plastic-primary" | "plastic-closed-loop-source" | "plastic-film-primary"
  | "plastic-film-closed-loop-source" | "weee-small-primary" | "weee-large-primary" | "battery-li-ion-primary"
  | "battery-alkaline-primary";
/** The vehicle-km factors: what `vehicle`, `car`, `bike`, `pickup.car` and `cargoBike.vehicle` take. */
export type VehicleId =
  | "diesel-van" | "petrol-van" | "electric-van" | "e-cargo-bike" | "petrol-car" | "diesel-car" | "electric-car";
/** The per-kWh factors: what `grid` takes. */
export type GridId =
  | "uk-grid-2025" | "grid-world" | "grid-eu" | "grid-de" | "grid-fr" | "grid-us" | "grid-in" | "grid-cn";
/** The delivery options of `deliveryOptions`. */
export type OptionId =
  | "sameDayCourier" | "nextDay" | "standard" | "consolidated" | "pickupWalk" | "pickupCar" | "locker" | "cargoBike";
/** The scenarios of `consolidate`. */
export type ScenarioId =
  | "dedicated" | "consolidated" | "pickup" | "cargoBike" | "standard" | "nextDay";
/** The ids of the settings table (README, "Settings"). */
export type SettingId =
  | "roadFactor" | "vanFactor" | "bike.foodKgPerKm" | "lineHaul.km" | "lineHaul.detourKm" | "parcel.kg"
  | "hub.kwhPerParcel" | "round.stemKm" | "round.parcels" | "round.km" | "consolidated.fill" | "sameDay.parcelsPerRun"
  | "sameDay.stemKm" | "pickup.parcelsPerStop" | "pickup.km" | "pickup.carShare" | "locker.parcelsPerStop" | "locker.km"
  | "locker.carShare" | "locker.kwhPerParcel" | "customerTrip.chainedShare" | "cargoBike.bikeableShare"
  | "failures.rate" | "failures.collectShare" | "failures.collectKm" | "failures.collectCarShare"
  | "failures.collectionPointShare" | "grid.uplift" | "van.countryFactor" | "car.countryFactor";
/** The countries with defaults of their own (ISO 3166-1 alpha-2); any other two-letter code gets proxy defaults, flagged. Case-insensitive. */
export type CountryCode =
  | "GB" | "CN" | "US" | "JP" | "DE" | "FR";
