//! Named lab settings: the runs the article's sections point at. Each is a complete set of
//! controls, so that choosing a preset resets everything else. A URL names one with
//! `preset=` and may change any setting on top of it.

use crate::settings::RawSettings;

/// Every preset's id, in the order the article offers them.
pub const IDS: &[&str] = &[
    "vanishing",
    "stagnation",
    "imbalance",
    "instability",
    "mode_collapse",
    "non_saturating",
    "small_d",
    "input_noise",
    "dropout",
    "batch_norm",
    "spectral_norm",
    "leaky_relu",
    "elu",
    "wasserstein",
    "gradient_penalty",
    "rmsprop",
    "adam_vs_sgd",
    "label_smoothing",
];

/// Every control at its default: the two losses of the article's argument, Adam, the 1-D
/// mixture, no head start and no regularisation.
pub fn base() -> RawSettings {
    RawSettings {
        losses: Some(vec!["minimax".into(), "non_saturating".into()]),
        target: Some("mixture".into()),
        modes: Some(2.0),
        seed: Some(1.0),
        head_start: Some(0.0),
        d_steps: Some(1.0),
        lr_g: Some(1e-3),
        lr_d: Some(1e-3),
        batch_size: Some(256.0),
        optimizer: Some("adam".into()),
        activation: Some("leaky_relu".into()),
        width: Some(64.0),
        d_width: Some(64.0),
        depth: Some(2.0),
        input_noise: Some(0.0),
        dropout: Some(0.0),
        batch_norm: Some(false),
        spectral_norm: Some(false),
        label_smoothing: Some(false),
    }
}

/// The head start of every experiment about a strong discriminator: 300 D steps take
/// D(G(z)) to about 2e-3 on the default mixture.
const HEAD_START: f64 = 300.0;

fn losses(ids: &[&str]) -> Option<Vec<String>> {
    Some(ids.iter().map(|id| id.to_string()).collect())
}

/// The settings of preset `id`, complete, or `None` for an unknown id.
pub fn preset(id: &str) -> Option<RawSettings> {
    let strong_d = RawSettings {
        head_start: Some(HEAD_START),
        ..base()
    };
    let minimax_only = RawSettings {
        losses: losses(&["minimax"]),
        ..strong_d.clone()
    };
    let sgd = RawSettings {
        optimizer: Some("sgd".into()),
        lr_g: Some(0.05),
        lr_d: Some(0.05),
        ..strong_d.clone()
    };
    Some(match id {
        "vanishing" | "non_saturating" | "leaky_relu" => strong_d,
        "stagnation" | "adam_vs_sgd" => sgd,
        "imbalance" => RawSettings {
            d_steps: Some(5.0),
            lr_d: Some(0.005),
            lr_g: Some(0.0002),
            ..base()
        },
        "instability" => RawSettings {
            lr_g: Some(0.02),
            lr_d: Some(0.02),
            ..base()
        },
        "mode_collapse" => RawSettings {
            target: Some("ring".into()),
            ..base()
        },
        "small_d" => RawSettings {
            d_width: Some(8.0),
            ..minimax_only
        },
        "input_noise" => RawSettings {
            input_noise: Some(0.5),
            ..minimax_only
        },
        "dropout" => RawSettings {
            dropout: Some(0.5),
            ..minimax_only
        },
        "batch_norm" => RawSettings {
            batch_norm: Some(true),
            ..strong_d
        },
        "spectral_norm" => RawSettings {
            spectral_norm: Some(true),
            ..minimax_only
        },
        "elu" => RawSettings {
            activation: Some("elu".into()),
            ..strong_d
        },
        "wasserstein" => RawSettings {
            losses: losses(&["minimax", "wasserstein"]),
            optimizer: Some("rmsprop".into()),
            lr_g: Some(5e-5),
            lr_d: Some(5e-5),
            d_steps: Some(5.0),
            ..strong_d
        },
        "gradient_penalty" => RawSettings {
            losses: losses(&["minimax", "gradient_penalty"]),
            ..strong_d
        },
        "rmsprop" => RawSettings {
            optimizer: Some("rmsprop".into()),
            ..strong_d
        },
        "label_smoothing" => RawSettings {
            label_smoothing: Some(true),
            ..minimax_only
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_complete_and_within_bounds() {
        for id in IDS {
            let settings = preset(id).unwrap_or_else(|| panic!("no preset {id}"));
            let (_, problems) = settings.resolve();
            assert!(problems.is_empty(), "{id}: {problems:?}");
        }
        assert!(preset("nope").is_none());
    }
}
