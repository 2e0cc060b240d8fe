//! The article's claim, measured: once the discriminator has won, the minimax generator
//! gradient has all but vanished while the non-saturating one has not.

use burn::tensor::Device;
use futures_lite::future::block_on;
use gan_gradients::losses::GeneratorLoss;
use gan_gradients::training::{Comparison, TrainConfig};

#[test]
fn after_a_head_start_the_minimax_gradient_is_100_times_weaker() {
    let device = Device::flex().autodiff();
    let head_start = 300;
    let config = TrainConfig::new().with_head_start(head_start).with_seed(3);
    let losses = [GeneratorLoss::Minimax, GeneratorLoss::NonSaturating];
    let mut comparison = Comparison::new(&losses, &config, &device);

    comparison.run(head_start);
    let metrics = block_on(comparison.read_metrics()).expect("metrics read back");

    // Both runs start from the same weights and see the same data; D's loss is the same for
    // both, so at the end of the head start D and G are identical and only loss_g differs.
    let last = |i: usize| metrics[i].last().expect("a step was taken").clone();
    let (minimax, non_saturating) = (last(0), last(1));
    assert!(minimax.head_start && non_saturating.head_start);
    assert_eq!(
        minimax.d_fake, non_saturating.d_fake,
        "the two runs should have the same D"
    );
    assert!(minimax.grad_norm.is_finite() && minimax.grad_norm > 0.0);

    let ratio = non_saturating.grad_norm / minimax.grad_norm;
    println!(
        "after {head_start} D steps: D(G(z)) = {:.3e}, ‖∇θ‖ minimax = {:.3e}, non-saturating = {:.3e}, ratio = {ratio:.0}",
        minimax.d_fake, minimax.grad_norm, non_saturating.grad_norm
    );
    assert!(
        ratio >= 100.0,
        "non-saturating / minimax gradient norm is only {ratio}"
    );

    // At the first step, before D has learnt anything, the two are of the same order.
    let (first_mm, first_ns) = (&metrics[0][0], &metrics[1][0]);
    let first_ratio = first_ns.grad_norm / first_mm.grad_norm;
    println!(
        "at step 1: D(G(z)) = {:.3}, ratio = {first_ratio:.2}",
        first_mm.d_fake
    );
    assert!(
        first_ratio < 10.0,
        "at step 1 the ratio is already {first_ratio}"
    );
}

#[test]
fn every_loss_trains_without_nan_and_reports_per_layer_norms() {
    let device = Device::flex().autodiff();
    let config = TrainConfig::new()
        .with_batch_size(64)
        .with_d_steps(2)
        .with_seed(9);
    let mut comparison = Comparison::new(&GeneratorLoss::ALL, &config, &device);
    comparison.run(20);
    let metrics = block_on(comparison.read_metrics()).unwrap();
    for (loss, steps) in GeneratorLoss::ALL.iter().zip(&metrics) {
        assert_eq!(steps.len(), 20, "{}", loss.id());
        for m in steps {
            let layers = &m.layer_grad_norms;
            assert_eq!(layers.len(), 3, "two hidden layers and the output");
            // The total norm is the root of the sum of the per-layer squares.
            let total = layers.iter().map(|v| v * v).sum::<f32>().sqrt();
            assert!(
                (total - m.grad_norm).abs() <= 1e-4 * m.grad_norm.max(1e-6),
                "{}",
                loss.id()
            );
            for v in [m.grad_norm, m.loss_g, m.loss_d, m.d_fake] {
                assert!(v.is_finite(), "{} step {}: {m:?}", loss.id(), m.step);
            }
        }
        assert_eq!(steps.last().unwrap().step, 20);
    }
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let device = Device::flex().autodiff();
    let config = TrainConfig::new().with_batch_size(32).with_seed(4);
    let run = || {
        let mut c = Comparison::new(&[GeneratorLoss::NonSaturating], &config, &device);
        c.run(5);
        block_on(c.read_metrics()).unwrap()
    };
    assert_eq!(run(), run());
}

#[test]
fn every_regulariser_setting_reaches_the_networks() {
    use gan_gradients::settings::RawSettings;
    let device = Device::flex().autodiff();
    let run = |raw: RawSettings| {
        let (settings, messages) = RawSettings {
            batch_size: Some(32.0),
            ..raw
        }
        .resolve();
        assert!(messages.is_empty(), "{messages:?}");
        let mut c = Comparison::new(&[GeneratorLoss::Minimax], &settings.config, &device);
        c.run(3);
        block_on(c.read_metrics()).unwrap()
    };
    let baseline = run(RawSettings::default());
    let variants = [
        (
            "spectral norm",
            RawSettings {
                spectral_norm: Some(true),
                ..Default::default()
            },
        ),
        (
            "batch norm",
            RawSettings {
                batch_norm: Some(true),
                ..Default::default()
            },
        ),
        (
            "dropout",
            RawSettings {
                dropout: Some(0.5),
                ..Default::default()
            },
        ),
        (
            "input noise",
            RawSettings {
                input_noise: Some(0.5),
                ..Default::default()
            },
        ),
        (
            "label smoothing",
            RawSettings {
                label_smoothing: Some(true),
                ..Default::default()
            },
        ),
        (
            "D width",
            RawSettings {
                d_width: Some(8.0),
                ..Default::default()
            },
        ),
    ];
    for (name, raw) in variants {
        assert_ne!(run(raw), baseline, "{name} left the run unchanged");
    }
}

/// What the page does with a run that blows up: plain SGD at a learning rate of 0.5 sends the
/// least-squares run to NaN or infinity within a few steps while the non-saturating run stays
/// finite; halting the diverged trainer stops its steps and leaves the other one going.
#[test]
fn a_diverged_trainer_halts_and_the_others_go_on() {
    use gan_gradients::settings::RawSettings;
    let device = Device::flex().autodiff();
    let (settings, problems) = RawSettings {
        losses: Some(vec!["least_squares".into(), "non_saturating".into()]),
        optimizer: Some("sgd".into()),
        lr_g: Some(0.5),
        lr_d: Some(0.5),
        ..Default::default()
    }
    .resolve();
    assert!(problems.is_empty(), "{problems:?}");
    let mut c = Comparison::new(&settings.losses, &settings.config, &device);
    let finite = |m: &gan_gradients::training::StepMetrics| {
        [m.grad_norm, m.loss_g, m.loss_d, m.d_fake]
            .iter()
            .all(|v| v.is_finite())
    };

    let mut diverged_at = None;
    for _ in 0..50 {
        c.run(1);
        let metrics = block_on(c.read_metrics()).unwrap();
        if let Some(m) = metrics[0].iter().find(|m| !finite(m)) {
            diverged_at = Some(m.step);
            break;
        }
    }
    let diverged_at = diverged_at.expect("least squares should diverge within 50 SGD steps");
    println!("least squares diverged at step {diverged_at}");
    c.halt(0);
    assert!(c.is_halted(0) && !c.is_halted(1));

    c.run(100);
    let metrics = block_on(c.read_metrics()).unwrap();
    assert!(metrics[0].is_empty(), "a halted trainer took steps");
    assert_eq!(metrics[1].len(), 100);
    assert!(
        metrics[1].iter().all(finite),
        "the non-saturating run diverged too"
    );
    assert_eq!(c.steps(), diverged_at + 100);
    assert_eq!(c.trainers[0].steps(), diverged_at);
}
