//! gan-gradients: small GANs trained live, to show why the minimax generator loss stops
//! teaching the generator once the discriminator wins.
//!
//! Layers, from the ground up (each uses only those above it in this list):
//! `maths` and `losses` (closed forms and loss functions on logits), `data` and `models`
//! (targets, samplers, MLPs), `training` (one step of the game, metrics), `figures` (plotters
//! drawings from plain data), and `web` (the only `wasm_bindgen` surface).

pub mod data;
// burn's autodiff on one logit, on the CPU backend: not in the WebGPU-only module.
#[cfg(feature = "cpu")]
pub mod derivation;
pub mod figures;
pub mod losses;
pub mod maths;
pub mod memory;
pub mod models;
pub mod parameters;
pub mod presets;
pub mod settings;
pub mod training;

#[cfg(target_family = "wasm")]
pub mod web;
