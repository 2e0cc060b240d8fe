//! Generator and discriminator losses, all computed from logits.
//!
//! The logit h = h_φ(G_θ(z)) is the discriminator's output before any sigmoid. Working from
//! logits and `log_sigmoid` (never from probabilities) keeps the losses finite for any logit:
//! log(1 − σ(h)) is written log σ(−h), which burn evaluates without forming 1 − σ(h).
//!
//! Each loss also has its per-logit closed form and derivative in f64
//! ([`GeneratorLoss::per_logit`], [`GeneratorLoss::per_logit_derivative`]); the tests check
//! burn's autodiff of the tensor losses against them.

use burn::tensor::activation::{log_sigmoid, relu, sigmoid};
use burn::tensor::Tensor;
use serde::{Deserialize, Serialize};

use crate::maths;

/// The generator's objective; each one comes with its matching discriminator (or critic) loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneratorLoss {
    /// Goodfellow et al. 2014: G minimises E[log(1 − σ(h))].
    Minimax,
    /// The "−log D trick": G minimises −E[log σ(h)].
    NonSaturating,
    /// LSGAN (Mao et al. 2017): G minimises ½(h − 1)² on the raw output h.
    LeastSquares,
    /// WGAN (Arjovsky et al. 2017): G minimises −E[h]; the critic's weights are clipped.
    Wasserstein,
    /// WGAN-GP (Gulrajani et al. 2017): as `Wasserstein`, with a gradient penalty on the critic.
    GradientPenalty,
    /// Hinge loss (Miyato et al. 2018): G minimises −E[h].
    Hinge,
}

impl GeneratorLoss {
    pub const ALL: [GeneratorLoss; 6] = [
        Self::Minimax,
        Self::NonSaturating,
        Self::LeastSquares,
        Self::Wasserstein,
        Self::GradientPenalty,
        Self::Hinge,
    ];

    /// The identifier used in URLs, JavaScript and tests.
    pub fn id(self) -> &'static str {
        match self {
            Self::Minimax => "minimax",
            Self::NonSaturating => "non_saturating",
            Self::LeastSquares => "least_squares",
            Self::Wasserstein => "wasserstein",
            Self::GradientPenalty => "gradient_penalty",
            Self::Hinge => "hinge",
        }
    }

    /// The name a reader sees on the chart's legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::Minimax => "minimax",
            Self::NonSaturating => "non-saturating",
            Self::LeastSquares => "least squares",
            Self::Wasserstein => "Wasserstein (clip)",
            Self::GradientPenalty => "WGAN-GP",
            Self::Hinge => "hinge",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|loss| loss.id() == id)
    }

    /// True where D's output is a logit of a probability (so D(x) = σ(h) is meaningful); false
    /// for the critics and LSGAN, whose raw output is the score itself.
    pub fn has_probability_output(self) -> bool {
        matches!(self, Self::Minimax | Self::NonSaturating)
    }

    /// The generator's loss per fake logit, in f64: the closed form the tensor loss must match.
    pub fn per_logit(self, h: f64) -> f64 {
        match self {
            // log(1 − σ(h)) = log σ(−h) = −softplus(h).
            Self::Minimax => -maths::softplus(h),
            // −log σ(h) = softplus(−h).
            Self::NonSaturating => maths::softplus(-h),
            Self::LeastSquares => 0.5 * (h - 1.0) * (h - 1.0),
            Self::Wasserstein | Self::GradientPenalty | Self::Hinge => -h,
        }
    }

    /// d(loss)/dh per fake logit, in f64. Minimax: −σ(h), which vanishes as h → −∞;
    /// non-saturating: −(1 − σ(h)), which tends to −1 there.
    pub fn per_logit_derivative(self, h: f64) -> f64 {
        match self {
            Self::Minimax => -maths::sigmoid(h),
            Self::NonSaturating => -maths::sigmoid(-h),
            Self::LeastSquares => h - 1.0,
            Self::Wasserstein | Self::GradientPenalty | Self::Hinge => -1.0,
        }
    }

    /// The generator's loss, averaged over a batch of fake logits `[batch, 1]`.
    pub fn loss_g(self, logits_fake: Tensor<2>) -> Tensor<1> {
        match self {
            Self::Minimax => log_sigmoid(logits_fake.neg()).mean(),
            Self::NonSaturating => log_sigmoid(logits_fake).neg().mean(),
            Self::LeastSquares => logits_fake
                .sub_scalar(1.0)
                .powi_scalar(2)
                .mean()
                .mul_scalar(0.5),
            Self::Wasserstein | Self::GradientPenalty | Self::Hinge => logits_fake.mean().neg(),
        }
    }

    /// The discriminator's (or critic's) loss on a batch of real and fake logits, both
    /// `[batch, 1]`. `real_label` is 1 without label smoothing; one-sided smoothing lowers it
    /// (to 0.9, say) for the sigmoid losses. The gradient penalty is added by the trainer,
    /// which owns the critic.
    pub fn loss_d(
        self,
        logits_real: Tensor<2>,
        logits_fake: Tensor<2>,
        real_label: f64,
    ) -> Tensor<1> {
        match self {
            Self::Minimax | Self::NonSaturating => {
                // −[t log σ(h_r) + (1 − t) log σ(−h_r)] − log σ(−h_f); without label
                // smoothing (t = 1) the second term is zero and is not computed.
                let real = if real_label == 1.0 {
                    log_sigmoid(logits_real).neg().mean()
                } else {
                    log_sigmoid(logits_real.clone())
                        .mul_scalar(real_label)
                        .add(log_sigmoid(logits_real.neg()).mul_scalar(1.0 - real_label))
                        .neg()
                        .mean()
                };
                let fake = log_sigmoid(logits_fake.neg()).neg().mean();
                real.add(fake)
            }
            Self::LeastSquares => {
                let real = logits_real.sub_scalar(real_label).powi_scalar(2).mean();
                let fake = logits_fake.powi_scalar(2).mean();
                real.add(fake).mul_scalar(0.5)
            }
            Self::Wasserstein | Self::GradientPenalty => logits_fake.mean().sub(logits_real.mean()),
            Self::Hinge => {
                let real = relu(logits_real.neg().add_scalar(1.0)).mean();
                let fake = relu(logits_fake.add_scalar(1.0)).mean();
                real.add(fake)
            }
        }
    }

    /// What the chart calls "D(G(z))": σ(h) where D outputs a probability, the raw score h
    /// for the critics and LSGAN.
    pub fn discriminator_output(self, logits: Tensor<2>) -> Tensor<2> {
        if self.has_probability_output() {
            sigmoid(logits)
        } else {
            logits
        }
    }
}

/// WGAN-GP's penalty λ·E[(‖∇x̂ D(x̂)‖ − 1)²] from the critic's input gradients `[batch, dim]`.
pub fn gradient_penalty(input_gradients: Tensor<2>, lambda: f64) -> Tensor<1> {
    // A tiny epsilon under the root keeps the penalty differentiable where the gradient is 0.
    let norms = input_gradients
        .powi_scalar(2)
        .sum_dim(1)
        .add_scalar(1e-12)
        .sqrt();
    norms
        .sub_scalar(1.0)
        .powi_scalar(2)
        .mean()
        .mul_scalar(lambda)
}
