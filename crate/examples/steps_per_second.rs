//! Native steps per second of the reference GAN (G and D: two hidden layers of 64, the 2-D
//! ring, non-saturating loss, Adam) on burn's flex CPU backend, at the benchmark's batch sizes,
//! and on burn's ndarray backend too when built with the crate's `ndarray` feature. The browser
//! figures come from `bench/run.mjs`; this one separates burn's own cost from WebAssembly's,
//! and is the thing to run under a profiler.
//!
//!   cargo run --release --example steps_per_second [--features ndarray] [batch ...]

use std::time::Instant;

use burn::tensor::Device;
use futures_lite::future::block_on;
use gan_gradients::data::Target;
use gan_gradients::losses::GeneratorLoss;
use gan_gradients::training::{TrainConfig, Trainer};

fn main() {
    let batches: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let batches = if batches.is_empty() {
        vec![64, 256, 1024, 4096]
    } else {
        batches
    };
    #[allow(unused_mut)] // ndarray joins only with its feature
    let mut backends = vec![("flex", Device::flex().autodiff())];
    #[cfg(feature = "ndarray")]
    backends.push(("ndarray", Device::ndarray().autodiff()));
    for (name, device) in &backends {
        for &batch in &batches {
            measure(name, device, batch);
        }
    }
}

fn measure(backend: &str, device: &Device, batch: usize) {
    let config = TrainConfig::new()
        .with_target(Target::Ring2d)
        .with_batch_size(batch);
    let mut trainer = Trainer::new(GeneratorLoss::NonSaturating, &config, device);

    // Warm up, then time chunks of 20 steps (metrics read back once per chunk, as the
    // page does) for about two seconds.
    for _ in 0..20 {
        trainer.step();
    }
    block_on(trainer.read_metrics()).expect("metrics");
    let started = Instant::now();
    let mut steps = 0;
    while started.elapsed().as_secs_f64() < 2.0 {
        for _ in 0..20 {
            trainer.step();
        }
        block_on(trainer.read_metrics()).expect("metrics");
        steps += 20;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{backend:>7}, batch {batch:>5}: {:>8.1} steps/s ({:.3} ms per step)",
        steps as f64 / seconds,
        1000.0 * seconds / steps as f64
    );
}
