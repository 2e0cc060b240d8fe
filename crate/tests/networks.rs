//! The networks' gradients against values worked out by hand, and the critic's hand-written
//! input gradient (WGAN-GP) against finite differences.

use burn::tensor::{Device, Tensor, TensorData};
use gan_gradients::data::Sampler;
use gan_gradients::losses::GeneratorLoss;
use gan_gradients::maths::sigmoid;
use gan_gradients::models::{Activation, Mlp};

fn device() -> Device {
    Device::flex().autodiff()
}

fn values<const D: usize>(t: Tensor<D>) -> Vec<f64> {
    t.into_data()
        .convert::<f32>()
        .try_into_vec::<f32>()
        .unwrap()
        .into_iter()
        .map(f64::from)
        .collect()
}

#[test]
fn a_tiny_gan_has_the_gradients_worked_out_by_hand() {
    let device = device();
    // G(z) = w2·tanh(w1·z + b1) + b2, and a linear D: h(x) = a·x + c.
    let (w1, b1, w2, b2) = (0.7f32, -0.2f32, 1.3f32, 0.4f32);
    let (a, c) = (-2.0f32, 0.5f32);
    let z = 0.9f32;
    let generator = Mlp::from_layers(
        vec![(vec![w1], vec![b1]), (vec![w2], vec![b2])],
        Activation::Tanh,
        &device,
    );
    let critic = Mlp::from_layers(vec![(vec![a], vec![c])], Activation::Tanh, &device);

    let input = Tensor::<2>::from_data(TensorData::new(vec![z], [1, 1]), &device);
    let h = critic.forward(generator.forward(input));
    let loss = GeneratorLoss::NonSaturating.loss_g(h);
    let grads = loss.backward();

    // By hand, in f64: u = w1 z + b1, x = w2 tanh u + b2, h = a x + c, loss = −log σ(h).
    let (w1, b1, w2, b2, a, c, z) = (
        w1 as f64, b1 as f64, w2 as f64, b2 as f64, a as f64, c as f64, z as f64,
    );
    let u = w1 * z + b1;
    let x = w2 * u.tanh() + b2;
    let h = a * x + c;
    let dl_dh = -sigmoid(-h);
    let dl_dx = dl_dh * a;
    let dl_du = dl_dx * w2 * (1.0 - u.tanh().powi(2));
    let want = [
        ("w1", dl_du * z),
        ("b1", dl_du),
        ("w2", dl_dx * u.tanh()),
        ("b2", dl_dx),
    ];

    let layer = |i: usize| &generator.layers[i];
    let got = [
        values(layer(0).weight.val().grad(&grads).unwrap())[0],
        values(layer(0).bias.as_ref().unwrap().val().grad(&grads).unwrap())[0],
        values(layer(1).weight.val().grad(&grads).unwrap())[0],
        values(layer(1).bias.as_ref().unwrap().val().grad(&grads).unwrap())[0],
    ];
    for ((name, want), got) in want.iter().zip(got) {
        assert!(
            (got - want).abs() < 1e-6,
            "∂loss/∂{name}: autodiff {got}, by hand {want}"
        );
    }
}

/// ∇x D by central differences over the f32 network (step 1e−3).
fn finite_difference_gradient(critic: &Mlp, point: &[f32], device: &Device) -> Vec<f64> {
    let eval = |p: &[f32]| {
        let x = Tensor::<2>::from_data(TensorData::new(p.to_vec(), [1, p.len()]), device);
        values(critic.forward(x))[0]
    };
    let step = 1e-3f32;
    (0..point.len())
        .map(|i| {
            let (mut plus, mut minus) = (point.to_vec(), point.to_vec());
            plus[i] += step;
            minus[i] -= step;
            (eval(&plus) - eval(&minus)) / (2.0 * step as f64)
        })
        .collect()
}

#[test]
fn the_critics_input_gradient_matches_finite_differences() {
    let device = device();
    for activation in [
        Activation::Tanh,
        Activation::Elu,
        Activation::LeakyRelu,
        Activation::Relu,
    ] {
        let mut sampler = Sampler::new(11);
        let critic = Mlp::init(2, 1, 16, 2, activation, &mut sampler, &device);
        let points = sampler.target(gan_gradients::data::Target::Ring2d, 8);
        let x = Tensor::<2>::from_data(TensorData::new(points.clone(), [8, 2]), &device);
        let analytic = values(critic.input_gradient(x));
        for (row, point) in points.chunks(2).enumerate() {
            let numeric = finite_difference_gradient(&critic, point, &device);
            for d in 0..2 {
                let (a, n) = (analytic[row * 2 + d], numeric[d]);
                // Central differences in f32 are good to ~1e−3 here; a kink of ReLU inside the
                // step would be a bigger miss, which the fixed seed avoids.
                assert!(
                    (a - n).abs() < 2e-3 + 1e-2 * n.abs(),
                    "{activation:?} row {row} dim {d}: analytic {a}, numeric {n}"
                );
            }
        }
    }
}

#[test]
fn the_gradient_penalty_is_differentiable_through_the_input_gradient() {
    // First-order autodiff through the hand-written ∇x D: the penalty must give the critic's
    // weights a non-zero, finite gradient.
    let device = device();
    let mut sampler = Sampler::new(5);
    let critic = Mlp::init(2, 1, 16, 2, Activation::Tanh, &mut sampler, &device);
    let x = Tensor::<2>::from_data(TensorData::new(sampler.latent(32, 2), [32, 2]), &device);
    let penalty = gan_gradients::losses::gradient_penalty(critic.input_gradient(x), 10.0);
    let grads = penalty.backward();
    let g = values(
        critic.layers[0]
            .weight
            .val()
            .grad(&grads)
            .expect("penalty reaches layer 0"),
    );
    assert!(g.iter().all(|v| v.is_finite()));
    assert!(g.iter().map(|v| v.abs()).sum::<f64>() > 1e-6);
}

/// The largest singular value of a row-major `[rows, cols]` matrix, by 2000 power iterations
/// in f64 (a reference far more converged than the network's own estimate).
fn largest_singular_value(w: &[f64], rows: usize, cols: usize) -> f64 {
    let mut v = vec![1.0; cols];
    let mut sigma = 0.0;
    for _ in 0..2000 {
        let u: Vec<f64> = (0..rows)
            .map(|r| (0..cols).map(|c| w[r * cols + c] * v[c]).sum())
            .collect();
        let norm_u = u.iter().map(|x| x * x).sum::<f64>().sqrt();
        let back: Vec<f64> = (0..cols)
            .map(|c| (0..rows).map(|r| w[r * cols + c] * u[r]).sum::<f64>())
            .collect();
        let norm_back = back.iter().map(|x| x * x).sum::<f64>().sqrt();
        sigma = norm_back / norm_u;
        v = back.iter().map(|x| x / norm_back).collect();
    }
    sigma
}

#[test]
fn spectral_normalisation_brings_every_layer_to_unit_spectral_norm() {
    let device = device();
    let mut sampler = Sampler::new(2);
    let options = gan_gradients::models::MlpOptions {
        spectral_norm: true,
        ..Default::default()
    };
    let critic =
        Mlp::init(2, 1, 32, 2, Activation::LeakyRelu, &mut sampler, &device).with_options(options);
    for (i, layer) in critic.layers.iter().enumerate() {
        let [rows, cols] = layer.weight.val().dims();
        let raw = largest_singular_value(&values(layer.weight.val()), rows, cols);
        let normalised =
            largest_singular_value(&values(critic.effective_weight(layer)), rows, cols);
        println!("layer {i}: σ = {raw:.4} before, {normalised:.4} after");
        assert!(
            (normalised - 1.0).abs() < 0.05,
            "layer {i}: spectral norm {normalised}"
        );
    }
}

#[test]
fn dropout_and_input_noise_act_only_in_training() {
    let device = device();
    let mut sampler = Sampler::new(8);
    let options = gan_gradients::models::MlpOptions {
        dropout: 0.5,
        input_noise: 0.3,
        ..Default::default()
    };
    let critic =
        Mlp::init(2, 1, 16, 2, Activation::Tanh, &mut sampler, &device).with_options(options);
    let x = Tensor::<2>::from_data(TensorData::new(sampler.latent(64, 2), [64, 2]), &device);
    // Evaluation is deterministic; training draws noise and masks from the sampler.
    assert_eq!(
        values(critic.forward(x.clone())),
        values(critic.forward(x.clone()))
    );
    let train_a = values(critic.forward_train(x.clone(), &mut Sampler::new(1)));
    let train_b = values(critic.forward_train(x.clone(), &mut Sampler::new(1)));
    let train_c = values(critic.forward_train(x.clone(), &mut Sampler::new(2)));
    assert_eq!(train_a, train_b, "the same draws give the same pass");
    assert_ne!(train_a, train_c);
    assert_ne!(train_a, values(critic.forward(x)));
}
