//! Every loss and its derivative with respect to the logit, computed by burn's autodiff in
//! float32, against the closed forms in f64, for logits from −50 to 50.

use burn::tensor::{Device, Tensor, TensorData};
use gan_gradients::losses::GeneratorLoss;
use gan_gradients::maths::sigmoid;

/// −50, −49.5, …, 50.
fn logits() -> Vec<f64> {
    (-100..=100).map(|i| i as f64 * 0.5).collect()
}

fn device() -> Device {
    Device::flex().autodiff()
}

fn column(values: &[f64], device: &Device) -> Tensor<2> {
    let data: Vec<f32> = values.iter().map(|&v| v as f32).collect();
    Tensor::<2>::from_data(TensorData::new(data, [values.len(), 1]), device).require_grad()
}

fn to_vec(t: Tensor<2>) -> Vec<f32> {
    t.into_data()
        .convert::<f32>()
        .try_into_vec::<f32>()
        .expect("f32 data")
}

/// |a − b| within `abs` plus `rel` of |b|: float32 against f64.
fn assert_close(what: &str, h: f64, got: f64, want: f64) {
    let tol = 1e-6 + 1e-5 * want.abs();
    assert!(got.is_finite(), "{what} at h = {h}: {got} is not finite");
    assert!(
        (got - want).abs() <= tol,
        "{what} at h = {h}: autodiff {got}, closed form {want}"
    );
}

#[test]
fn generator_losses_match_their_closed_forms_and_derivatives() {
    let device = device();
    let hs = logits();
    for loss in GeneratorLoss::ALL {
        // The loss of each logit alone, and the gradient of the sum (the batch mean times n).
        for &h in &hs {
            let value = loss.loss_g(column(&[h], &device)).into_scalar::<f32>() as f64;
            assert_close(&format!("{} value", loss.id()), h, value, loss.per_logit(h));
        }
        let x = column(&hs, &device);
        let total = loss.loss_g(x.clone()).mul_scalar(hs.len() as f64);
        let grads = total.backward();
        let grad = to_vec(x.grad(&grads).expect("the logits require a gradient"));
        for (&h, &g) in hs.iter().zip(&grad) {
            assert_close(
                &format!("{} derivative", loss.id()),
                h,
                g as f64,
                loss.per_logit_derivative(h),
            );
        }
    }
}

#[test]
fn the_minimax_derivative_vanishes_where_the_non_saturating_one_does_not() {
    // At h = −10, D(G(z)) = σ(−10) ≈ 4.5e−5: the minimax slope is that small, the
    // non-saturating one is almost −1.
    let minimax = GeneratorLoss::Minimax.per_logit_derivative(-10.0);
    let non_saturating = GeneratorLoss::NonSaturating.per_logit_derivative(-10.0);
    assert!((minimax + sigmoid(-10.0)).abs() < 1e-18);
    assert!((non_saturating + 1.0).abs() < 1e-4);
    assert!(non_saturating / minimax > 2e4);
}

/// d loss_d / d h_real and d loss_d / d h_fake per example, with real label 1.
fn discriminator_derivatives(loss: GeneratorLoss, h_real: f64, h_fake: f64) -> (f64, f64) {
    match loss {
        // −log σ(h_r) − log σ(−h_f): −σ(−h_r) and σ(h_f).
        GeneratorLoss::Minimax | GeneratorLoss::NonSaturating => {
            (-sigmoid(-h_real), sigmoid(h_fake))
        }
        // ½(h_r − 1)² + ½h_f².
        GeneratorLoss::LeastSquares => (h_real - 1.0, h_fake),
        GeneratorLoss::Wasserstein | GeneratorLoss::GradientPenalty => (-1.0, 1.0),
        // relu(1 − h_r) + relu(1 + h_f); the kinks at ±1 are not on the test grid's odd halves.
        GeneratorLoss::Hinge => (
            if h_real < 1.0 { -1.0 } else { 0.0 },
            if h_fake > -1.0 { 1.0 } else { 0.0 },
        ),
    }
}

#[test]
fn discriminator_losses_have_the_closed_form_derivatives() {
    let device = device();
    // Avoid the hinge's kinks at ±1, where any subgradient is right.
    let hs: Vec<f64> = logits()
        .into_iter()
        .filter(|h| (h.abs() - 1.0).abs() > 1e-9)
        .collect();
    let fakes: Vec<f64> = hs.iter().rev().copied().collect();
    for loss in GeneratorLoss::ALL {
        let real = column(&hs, &device);
        let fake = column(&fakes, &device);
        let total = loss
            .loss_d(real.clone(), fake.clone(), 1.0)
            .mul_scalar(hs.len() as f64);
        assert!(
            total.clone().into_scalar::<f32>().is_finite(),
            "{} loss_d",
            loss.id()
        );
        let grads = total.backward();
        let g_real = to_vec(real.grad(&grads).expect("real logits gradient"));
        let g_fake = to_vec(fake.grad(&grads).expect("fake logits gradient"));
        for i in 0..hs.len() {
            let (want_real, want_fake) = discriminator_derivatives(loss, hs[i], fakes[i]);
            assert_close(
                &format!("{} d/dh_real", loss.id()),
                hs[i],
                g_real[i] as f64,
                want_real,
            );
            assert_close(
                &format!("{} d/dh_fake", loss.id()),
                fakes[i],
                g_fake[i] as f64,
                want_fake,
            );
        }
    }
}
