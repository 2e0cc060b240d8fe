//! Target distributions and the seeded sampler that feeds every run.
//!
//! All randomness of a run (real samples, latent codes, the WGAN-GP interpolation weights and
//! the initial weights) comes from one [`Sampler`] seeded by the run's seed, generated on the
//! host with a portable generator (xoshiro256++). The same seed therefore gives the same run on
//! the CPU backend natively, in wasm and on WebGPU, and every loss in a comparison sees the same
//! data in the same order.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use rand_distr::{Distribution, Normal, StandardNormal};
use serde::{Deserialize, Serialize};

/// What the generator must learn to imitate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// Equal-weight Gaussians on the line, centres evenly spaced over [−2, 2].
    Mixture1d { modes: usize },
    /// Eight Gaussians evenly spaced on a circle of radius 2.
    Ring2d,
}

impl Default for Target {
    fn default() -> Self {
        Target::Mixture1d { modes: 2 }
    }
}

/// Standard deviation of each 1-D mode.
pub const MIXTURE_STD: f64 = 0.25;
/// Standard deviation of each mode of the ring.
pub const RING_STD: f64 = 0.05;
pub const RING_RADIUS: f64 = 2.0;
pub const RING_MODES: usize = 8;

impl Target {
    /// Dimension of one sample.
    pub fn dim(self) -> usize {
        match self {
            Target::Mixture1d { .. } => 1,
            Target::Ring2d => 2,
        }
    }

    /// Centres of the modes, each of length `dim()`.
    pub fn centres(self) -> Vec<Vec<f64>> {
        match self {
            Target::Mixture1d { modes } => {
                let modes = modes.max(1);
                if modes == 1 {
                    return vec![vec![0.0]];
                }
                (0..modes)
                    .map(|i| vec![-2.0 + 4.0 * i as f64 / (modes - 1) as f64])
                    .collect()
            }
            Target::Ring2d => (0..RING_MODES)
                .map(|i| {
                    let angle = 2.0 * std::f64::consts::PI * i as f64 / RING_MODES as f64;
                    vec![RING_RADIUS * angle.cos(), RING_RADIUS * angle.sin()]
                })
                .collect(),
        }
    }

    pub fn mode_std(self) -> f64 {
        match self {
            Target::Mixture1d { .. } => MIXTURE_STD,
            Target::Ring2d => RING_STD,
        }
    }

    /// Density of a 1-D target at x (the curve drawn under the generator's histogram).
    pub fn density_1d(self, x: f64) -> f64 {
        let centres = self.centres();
        let s = self.mode_std();
        let norm = 1.0 / (s * (2.0 * std::f64::consts::PI).sqrt());
        centres
            .iter()
            .map(|c| norm * (-0.5 * ((x - c[0]) / s).powi(2)).exp())
            .sum::<f64>()
            / centres.len() as f64
    }
}

/// The run's one source of randomness.
#[derive(Clone, Debug)]
pub struct Sampler {
    rng: Xoshiro256PlusPlus,
}

impl Sampler {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
        }
    }

    /// `batch` samples of the target, row-major `[batch, dim]`.
    pub fn target(&mut self, target: Target, batch: usize) -> Vec<f32> {
        let centres = target.centres();
        let noise = Normal::new(0.0, target.mode_std()).expect("mode std is positive");
        let mut out = Vec::with_capacity(batch * target.dim());
        for _ in 0..batch {
            let centre = &centres[self.rng.random_range(0..centres.len())];
            for c in centre {
                out.push((c + noise.sample(&mut self.rng)) as f32);
            }
        }
        out
    }

    /// `batch` latent codes z ~ N(0, I), row-major `[batch, latent_dim]`.
    pub fn latent(&mut self, batch: usize, latent_dim: usize) -> Vec<f32> {
        (0..batch * latent_dim)
            .map(|_| StandardNormal.sample(&mut self.rng))
            .collect()
    }

    /// `n` draws from U(0, 1).
    pub fn uniform(&mut self, n: usize) -> Vec<f32> {
        (0..n).map(|_| self.rng.random::<f32>()).collect()
    }

    /// `n` draws from U(−bound, bound), for weight initialisation.
    pub fn symmetric(&mut self, n: usize, bound: f64) -> Vec<f32> {
        (0..n)
            .map(|_| ((self.rng.random::<f64>() * 2.0 - 1.0) * bound) as f32)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_samples() {
        let a = Sampler::new(7).target(Target::Ring2d, 64);
        let b = Sampler::new(7).target(Target::Ring2d, 64);
        let c = Sampler::new(8).target(Target::Ring2d, 64);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn ring_samples_lie_near_the_circle() {
        let xs = Sampler::new(1).target(Target::Ring2d, 1000);
        for p in xs.chunks(2) {
            let r = ((p[0] * p[0] + p[1] * p[1]) as f64).sqrt();
            // Six standard deviations either side of the radius.
            assert!((r - RING_RADIUS).abs() < 6.0 * RING_STD, "radius {r}");
        }
    }

    #[test]
    fn mixture_density_integrates_to_one() {
        let target = Target::Mixture1d { modes: 3 };
        let dx = 1e-3;
        let total: f64 = (-6000..6000)
            .map(|i| target.density_1d(i as f64 * dx) * dx)
            .sum();
        assert!((total - 1.0).abs() < 1e-6, "integral {total}");
    }

    #[test]
    fn mixture_samples_have_the_right_mean_and_spread() {
        let xs = Sampler::new(3).target(Target::Mixture1d { modes: 2 }, 20_000);
        let n = xs.len() as f64;
        let mean = xs.iter().map(|&x| x as f64).sum::<f64>() / n;
        let var = xs.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / n;
        // Two modes at ±2 with std 0.25: mean 0, variance 4 + 0.0625.
        assert!(mean.abs() < 0.05, "mean {mean}");
        assert!((var - 4.0625).abs() < 0.1, "variance {var}");
    }
}
