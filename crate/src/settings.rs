//! The settings of a run as the page sends them, parsed and bounded in one place.
//!
//! The page hands over whatever its controls hold. Each field is checked against the bounds in
//! [`crate::parameters`]; a value that is missing, malformed or out of bounds is replaced by
//! its default and reported as a [`Problem`] the page turns into a sentence, never a panic.

use serde::{Deserialize, Serialize};

use crate::data::Target;
use crate::losses::GeneratorLoss;
use crate::models::Activation;
use crate::parameters::{parameter, Problem, Reason, Value, DEFAULT_FIGURE};
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

/// A number checked against its parameter's bounds (and wholeness), or the default with a
/// problem that names both.
fn number(key: &str, value: Option<f64>, default: f64, problems: &mut Vec<Problem>) -> f64 {
    let Some(value) = value else {
        return default;
    };
    let parameter = lab_parameter(key);
    match parameter.parse(&value.to_string()) {
        Ok(Value::Number(number)) => number,
        Ok(_) => unreachable!("{key} is numeric"),
        Err(problem) => {
            problems.push(problem.with_default(&default.to_string()));
            default
        }
    }
}

/// An identifier out of its parameter's list, or the default with a problem.
fn choice<T>(
    key: &str,
    value: Option<&str>,
    default: T,
    from_id: impl Fn(&str) -> Option<T>,
    default_id: &str,
    problems: &mut Vec<Problem>,
) -> T {
    let Some(text) = value else {
        return default;
    };
    match lab_parameter(key).parse(text) {
        Ok(Value::Text(id)) => from_id(id).unwrap_or(default),
        Ok(_) => unreachable!("{key} is a choice"),
        Err(problem) => {
            problems.push(problem.with_default(default_id));
            default
        }
    }
}

fn lab_parameter(key: &str) -> &'static crate::parameters::Parameter {
    parameter(key, DEFAULT_FIGURE).unwrap_or_else(|| panic!("{key} is not a parameter"))
}

pub const DEFAULT_LOSSES: [GeneratorLoss; 2] =
    [GeneratorLoss::Minimax, GeneratorLoss::NonSaturating];

impl RawSettings {
    /// The bounded settings and one problem per value that was replaced by its default.
    pub fn resolve(&self) -> (RunSettings, Vec<Problem>) {
        let mut problems = Vec::new();
        let defaults = TrainConfig::new();

        let mut losses = Vec::new();
        for id in self.losses.iter().flatten() {
            match GeneratorLoss::from_id(id) {
                Some(loss) if !losses.contains(&loss) => losses.push(loss),
                Some(_) => {}
                None => problems.push(Problem::new("losses", id, Reason::UnknownItem)),
            }
        }
        if losses.is_empty() {
            if self.losses.is_some() {
                problems.push(
                    Problem::new("losses", "", Reason::EmptyList)
                        .with_default("minimax, non_saturating"),
                );
            }
            losses = DEFAULT_LOSSES.to_vec();
        }

        let modes = number("modes", self.modes, 2.0, &mut problems) as usize;
        let mixture = Target::Mixture1d { modes };
        let target = choice(
            "target",
            self.target.as_deref(),
            mixture,
            |id| match id {
                "ring" => Some(Target::Ring2d),
                _ => Some(mixture),
            },
            "mixture",
            &mut problems,
        );

        let seed = number("seed", self.seed, 1.0, &mut problems) as u64;
        let head_start = number("head_start", self.head_start, 0.0, &mut problems) as usize;
        let d_steps = number("d_steps", self.d_steps, 1.0, &mut problems) as usize;
        let batch_size = number("batch_size", self.batch_size, 256.0, &mut problems) as usize;
        let width = number("width", self.width, 64.0, &mut problems);
        let depth = number("depth", self.depth, 2.0, &mut problems) as usize;
        let d_width = number("d_width", self.d_width, width, &mut problems) as usize;
        let width = width as usize;
        let input_noise = number("input_noise", self.input_noise, 0.0, &mut problems);
        let dropout = number("dropout", self.dropout, 0.0, &mut problems);
        let lr_g = number("lr_g", self.lr_g, defaults.lr_g, &mut problems);
        let lr_d = number("lr_d", self.lr_d, defaults.lr_d, &mut problems);
        let optimizer = choice(
            "optimizer",
            self.optimizer.as_deref(),
            OptimizerKind::Adam,
            OptimizerKind::from_id,
            "adam",
            &mut problems,
        );
        let activation = choice(
            "activation",
            self.activation.as_deref(),
            defaults.generator.activation,
            Activation::from_id,
            defaults.generator.activation.id(),
            &mut problems,
        );

        let mut config = defaults
            .with_target(target)
            .with_seed(seed)
            .with_head_start(head_start)
            .with_d_steps(d_steps)
            .with_batch_size(batch_size)
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
            .with_width(width)
            .with_depth(depth)
            .with_batch_norm(self.batch_norm == Some(true));
        config.discriminator = config
            .discriminator
            .with_activation(activation)
            .with_width(d_width)
            .with_depth(depth)
            .with_input_noise(input_noise)
            .with_dropout(dropout)
            .with_spectral_norm(self.spectral_norm == Some(true));

        (RunSettings { losses, config }, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_settings_give_the_defaults_silently() {
        let (settings, problems) = RawSettings::default().resolve();
        assert!(problems.is_empty(), "{problems:?}");
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
        let (settings, problems) = raw.resolve();
        assert_eq!(settings.losses, vec![GeneratorLoss::Minimax]);
        assert_eq!(settings.config.seed, 1);
        assert_eq!(settings.config.head_start, 0);
        assert_eq!(settings.config.optimizer, OptimizerKind::Adam);
        let named: Vec<(&str, &str, Option<&str>)> = problems
            .iter()
            .map(|p| (p.parameter.as_str(), p.value.as_str(), p.default.as_deref()))
            .collect();
        assert_eq!(
            named,
            vec![
                ("losses", "bogus", None),
                ("seed", "-1", Some("1")),
                ("head_start", "1000000000000", Some("0")),
                ("lr_g", "NaN", Some("0.001")),
                ("optimizer", "adamw", Some("adam")),
            ]
        );
    }
}
