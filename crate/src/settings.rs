//! The settings of a run as the page sends them, parsed and bounded in one place.
//!
//! The page hands over whatever its controls (and later its URL) hold. Each field is checked
//! here; a value that is missing, malformed or out of bounds is replaced by its default and
//! reported in a sentence the page shows, never a panic.

use serde::{Deserialize, Serialize};

use crate::data::Target;
use crate::losses::GeneratorLoss;
use crate::models::Activation;
use crate::training::{OptimizerKind, TrainConfig};

/// Settings as plain strings and numbers, as JavaScript sends them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RawSettings {
    pub losses: Option<Vec<String>>,
    pub target: Option<String>,
    pub modes: Option<f64>,
    pub seed: Option<f64>,
    pub head_start: Option<f64>,
    pub d_steps: Option<f64>,
    pub lr_g: Option<f64>,
    pub lr_d: Option<f64>,
    pub batch_size: Option<f64>,
    pub optimizer: Option<String>,
    pub activation: Option<String>,
    pub width: Option<f64>,
    pub d_width: Option<f64>,
    pub depth: Option<f64>,
    pub input_noise: Option<f64>,
    pub dropout: Option<f64>,
    pub batch_norm: Option<bool>,
    pub spectral_norm: Option<bool>,
    pub label_smoothing: Option<bool>,
}

/// The settings of a run, every value inside its bounds.
#[derive(Clone, Debug)]
pub struct RunSettings {
    pub losses: Vec<GeneratorLoss>,
    pub config: TrainConfig,
}

/// Bounds of an integer setting.
struct IntBounds {
    name: &'static str,
    min: u64,
    max: u64,
    default: u64,
}

impl IntBounds {
    fn parse(&self, value: Option<f64>, messages: &mut Vec<String>) -> u64 {
        match value {
            None => self.default,
            Some(v)
                if v.is_finite()
                    && v.fract() == 0.0
                    && v >= self.min as f64
                    && v <= self.max as f64 =>
            {
                v as u64
            }
            Some(v) => {
                messages.push(format!(
                    "{} = {v} is not a whole number from {} to {}; using {}.",
                    self.name, self.min, self.max, self.default
                ));
                self.default
            }
        }
    }
}

fn parse_rate(name: &str, value: Option<f64>, default: f64, messages: &mut Vec<String>) -> f64 {
    const MIN: f64 = 1e-6;
    const MAX: f64 = 1.0;
    match value {
        None => default,
        Some(v) if v.is_finite() && (MIN..=MAX).contains(&v) => v,
        Some(v) => {
            messages.push(format!(
                "{name} = {v} is outside [{MIN}, {MAX}]; using {default}."
            ));
            default
        }
    }
}

/// A real number in `[min, max]`, or the default with a message.
fn parse_real(
    name: &str,
    value: Option<f64>,
    (min, max): (f64, f64),
    default: f64,
    messages: &mut Vec<String>,
) -> f64 {
    match value {
        None => default,
        Some(v) if v.is_finite() && (min..=max).contains(&v) => v,
        Some(v) => {
            messages.push(format!(
                "{name} = {v} is outside [{min}, {max}]; using {default}."
            ));
            default
        }
    }
}

fn parse_choice<T: Copy>(
    name: &str,
    value: Option<&str>,
    default: T,
    from_id: impl Fn(&str) -> Option<T>,
    messages: &mut Vec<String>,
    default_id: &str,
) -> T {
    match value {
        None => default,
        Some(id) => from_id(id).unwrap_or_else(|| {
            messages.push(format!("{name} = \"{id}\" is unknown; using {default_id}."));
            default
        }),
    }
}

pub const DEFAULT_LOSSES: [GeneratorLoss; 2] =
    [GeneratorLoss::Minimax, GeneratorLoss::NonSaturating];
pub const MAX_HEAD_START: u64 = 100_000;
pub const MAX_BATCH: u64 = 4096;

impl RawSettings {
    /// The bounded settings and one message per value that was replaced by its default.
    pub fn resolve(&self) -> (RunSettings, Vec<String>) {
        let mut messages = Vec::new();
        let defaults = TrainConfig::new();

        let mut losses = Vec::new();
        for id in self.losses.iter().flatten() {
            match GeneratorLoss::from_id(id) {
                Some(loss) if !losses.contains(&loss) => losses.push(loss),
                Some(_) => {}
                None => messages.push(format!("loss \"{id}\" is unknown; leaving it out.")),
            }
        }
        if losses.is_empty() {
            if self.losses.is_some() {
                messages.push("no known loss was chosen; using minimax and non-saturating.".into());
            }
            losses = DEFAULT_LOSSES.to_vec();
        }

        let modes = IntBounds {
            name: "modes",
            min: 1,
            max: 8,
            default: 2,
        }
        .parse(self.modes, &mut messages);
        let target = match self.target.as_deref() {
            None | Some("mixture") => Target::Mixture1d {
                modes: modes as usize,
            },
            Some("ring") => Target::Ring2d,
            Some(other) => {
                messages.push(format!(
                    "target = \"{other}\" is unknown; using the 1-D mixture."
                ));
                Target::Mixture1d {
                    modes: modes as usize,
                }
            }
        };

        let seed = IntBounds {
            name: "seed",
            min: 0,
            max: u32::MAX as u64,
            default: 1,
        }
        .parse(self.seed, &mut messages);
        let head_start = IntBounds {
            name: "head start",
            min: 0,
            max: MAX_HEAD_START,
            default: 0,
        }
        .parse(self.head_start, &mut messages);
        let d_steps = IntBounds {
            name: "D steps per G step",
            min: 1,
            max: 20,
            default: 1,
        }
        .parse(self.d_steps, &mut messages);
        let batch_size = IntBounds {
            name: "batch",
            min: 8,
            max: MAX_BATCH,
            default: 256,
        }
        .parse(self.batch_size, &mut messages);
        let width = IntBounds {
            name: "width",
            min: 4,
            max: 256,
            default: 64,
        }
        .parse(self.width, &mut messages);
        let depth = IntBounds {
            name: "depth",
            min: 1,
            max: 4,
            default: 2,
        }
        .parse(self.depth, &mut messages);
        let d_width = IntBounds {
            name: "D width",
            min: 4,
            max: 256,
            default: width,
        }
        .parse(self.d_width, &mut messages);
        let input_noise = parse_real(
            "D input noise",
            self.input_noise,
            (0.0, 2.0),
            0.0,
            &mut messages,
        );
        let dropout = parse_real("D dropout", self.dropout, (0.0, 0.9), 0.0, &mut messages);
        let lr_g = parse_rate(
            "generator learning rate",
            self.lr_g,
            defaults.lr_g,
            &mut messages,
        );
        let lr_d = parse_rate(
            "discriminator learning rate",
            self.lr_d,
            defaults.lr_d,
            &mut messages,
        );
        let optimizer = parse_choice(
            "optimizer",
            self.optimizer.as_deref(),
            OptimizerKind::Adam,
            OptimizerKind::from_id,
            &mut messages,
            "adam",
        );
        let activation = parse_choice(
            "activation",
            self.activation.as_deref(),
            defaults.generator.activation,
            Activation::from_id,
            &mut messages,
            defaults.generator.activation.id(),
        );

        let mut config = defaults
            .with_target(target)
            .with_seed(seed)
            .with_head_start(head_start as usize)
            .with_d_steps(d_steps as usize)
            .with_batch_size(batch_size as usize)
            .with_lr_g(lr_g)
            .with_lr_d(lr_d)
            .with_optimizer(optimizer)
            .with_real_label(if self.label_smoothing == Some(true) {
                0.9
            } else {
                1.0
            });
        config.generator = config
            .generator
            .with_activation(activation)
            .with_width(width as usize)
            .with_depth(depth as usize)
            .with_batch_norm(self.batch_norm == Some(true));
        config.discriminator = config
            .discriminator
            .with_activation(activation)
            .with_width(d_width as usize)
            .with_depth(depth as usize)
            .with_input_noise(input_noise)
            .with_dropout(dropout)
            .with_spectral_norm(self.spectral_norm == Some(true));

        (RunSettings { losses, config }, messages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_settings_give_the_defaults_silently() {
        let (settings, messages) = RawSettings::default().resolve();
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(settings.losses, DEFAULT_LOSSES.to_vec());
        assert_eq!(settings.config.batch_size, 256);
    }

    #[test]
    fn bad_values_fall_back_and_are_named() {
        let raw = RawSettings {
            losses: Some(vec!["minimax".into(), "bogus".into()]),
            seed: Some(-1.0),
            head_start: Some(1e12),
            lr_g: Some(f64::NAN),
            optimizer: Some("adamw".into()),
            ..Default::default()
        };
        let (settings, messages) = raw.resolve();
        assert_eq!(settings.losses, vec![GeneratorLoss::Minimax]);
        assert_eq!(settings.config.seed, 1);
        assert_eq!(settings.config.head_start, 0);
        assert_eq!(settings.config.optimizer, OptimizerKind::Adam);
        let all = messages.join("\n");
        for name in [
            "bogus",
            "seed",
            "head start",
            "generator learning rate",
            "optimizer",
        ] {
            assert!(all.contains(name), "no message names {name}: {all}");
        }
    }
}
