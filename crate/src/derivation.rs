//! The numbers beside each step of the article's derivation of the minimax gradient, and the
//! same derivative computed by burn's autodiff, so that the reader sees the two agree.
//!
//! The derivation is per fake sample: L(θ) = log(1 − σ(h(θ))). The readout takes θ to be the
//! logit's own bias, so ∂h/∂θ = 1 and dL/dθ = dL/dh.

use burn::tensor::{Device, Tensor, TensorData};
use serde::Serialize;

use crate::losses::GeneratorLoss;
use crate::maths::{sigmoid, sigmoid_prime};

/// Every factor of the derivation at one logit h, in f64, and burn's autodiff in f32.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DerivationReadout {
    pub h: f64,
    /// σ(h) = D(G(z)).
    pub sigma: f64,
    /// 1 − σ(h), computed as σ(−h) so that it keeps its digits when σ(h) ≈ 1.
    pub one_minus_sigma: f64,
    /// σ′(h) = σ(h)(1 − σ(h)).
    pub sigma_prime: f64,
    /// log(1 − σ(h)), the loss itself.
    pub loss: f64,
    /// Chain rule: 1/(1 − σ) · (−σ′) · ∂h/∂θ.
    pub chain_rule: f64,
    /// After substituting σ′ = σ(1 − σ) and simplifying: −σ(h) · ∂h/∂θ.
    pub simplified: f64,
    /// burn's autodiff of the minimax loss at h (float32, CPU backend).
    pub autodiff: f64,
    /// The non-saturating counterpart −(1 − σ(h)), and burn's autodiff of −log σ(h).
    pub non_saturating: f64,
    pub non_saturating_autodiff: f64,
}

/// dL/dh by burn's autodiff for one logit.
fn autodiff_slope(loss: GeneratorLoss, h: f64, device: &Device) -> f64 {
    let x = Tensor::<2>::from_data(TensorData::new(vec![h as f32], [1, 1]), device).require_grad();
    let grads = loss.loss_g(x.clone()).backward();
    let grad = x.grad(&grads).expect("the logit requires a gradient");
    grad.into_scalar::<f32>() as f64
}

pub fn readout(h: f64) -> DerivationReadout {
    let device = Device::flex().autodiff();
    let sigma = sigmoid(h);
    let one_minus_sigma = sigmoid(-h);
    let sigma_prime = sigmoid_prime(h);
    DerivationReadout {
        h,
        sigma,
        one_minus_sigma,
        sigma_prime,
        loss: GeneratorLoss::Minimax.per_logit(h),
        chain_rule: (1.0 / one_minus_sigma) * (-sigma_prime),
        simplified: -sigma,
        autodiff: autodiff_slope(GeneratorLoss::Minimax, h, &device),
        non_saturating: -one_minus_sigma,
        non_saturating_autodiff: autodiff_slope(GeneratorLoss::NonSaturating, h, &device),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autodiff_agrees_with_every_form_of_the_derivation() {
        // 25 logits from −30 to 30.
        for i in 0..25 {
            let h = -30.0 + 60.0 * i as f64 / 24.0;
            let r = readout(h);
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-7 + 1e-5 * b.abs();
            assert!(close(r.chain_rule, r.simplified), "h = {h}: {r:?}");
            assert!(close(r.autodiff, r.simplified), "h = {h}: {r:?}");
            assert!(
                close(r.non_saturating_autodiff, r.non_saturating),
                "h = {h}: {r:?}"
            );
        }
    }
}
