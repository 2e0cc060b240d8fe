//! What a run keeps in memory, counted in float32 values: the parameters (the O(p + q) of
//! the usual statement), the optimiser's state and the activations the backward pass needs.

use serde::Serialize;

use crate::training::{OptimizerKind, TrainConfig};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemoryEstimate {
    /// p + q: every weight and bias of the generator and the discriminator.
    pub parameters: usize,
    /// Adam keeps two moments per parameter, RMSProp one, plain SGD none.
    pub optimizer_state: usize,
    /// Inputs and pre-activations of every layer kept for the backward pass, for one batch
    /// through G and two (real and fake) through D.
    pub activations: usize,
}

fn layer_sizes(d_in: usize, d_out: usize, width: usize, depth: usize) -> Vec<usize> {
    let mut sizes = vec![d_in];
    sizes.extend(std::iter::repeat_n(width, depth));
    sizes.push(d_out);
    sizes
}

fn parameters(sizes: &[usize]) -> usize {
    sizes
        .windows(2)
        .map(|pair| pair[0] * pair[1] + pair[1])
        .sum()
}

/// Values stored per example: each layer's input, and each hidden pre-activation.
fn activations_per_example(sizes: &[usize]) -> usize {
    let inputs: usize = sizes[..sizes.len() - 1].iter().sum();
    let hidden: usize = sizes[1..sizes.len() - 1].iter().sum();
    inputs + hidden + sizes[sizes.len() - 1]
}

/// Layer widths of the generator and of the discriminator, input first.
fn network_sizes(config: &TrainConfig) -> (Vec<usize>, Vec<usize>) {
    let dim = config.target.dim();
    let (g, d) = (&config.generator, &config.discriminator);
    (
        layer_sizes(g.latent_dim, dim, g.width, g.depth),
        layer_sizes(dim, 1, d.width, d.depth),
    )
}

/// (p, q): the generator's and the discriminator's parameter counts.
pub fn parameter_counts(config: &TrainConfig) -> (usize, usize) {
    let (g_sizes, d_sizes) = network_sizes(config);
    (parameters(&g_sizes), parameters(&d_sizes))
}

pub fn estimate(config: &TrainConfig) -> MemoryEstimate {
    let (g_sizes, d_sizes) = network_sizes(config);
    let parameters = parameters(&g_sizes) + parameters(&d_sizes);
    let per_parameter = match config.optimizer {
        OptimizerKind::Adam => 2,
        OptimizerKind::RmsProp => 1,
        OptimizerKind::Sgd => 0,
    };
    let batch = config.batch_size;
    let activations =
        batch * (activations_per_example(&g_sizes) + 2 * activations_per_example(&d_sizes));
    MemoryEstimate {
        parameters,
        optimizer_state: per_parameter * parameters,
        activations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_gan_has_the_parameters_counted_by_hand() {
        // G: 4→64→64→1: (4·64 + 64) + (64·64 + 64) + (64 + 1) = 320 + 4160 + 65 = 4545.
        // D: 1→64→64→1: (64 + 64) + 4160 + 65 = 4353.
        let estimate = estimate(&TrainConfig::new());
        assert_eq!(estimate.parameters, 4545 + 4353);
        assert_eq!(estimate.optimizer_state, 2 * (4545 + 4353));
        // Activations grow linearly with the batch.
        let double = super::estimate(&TrainConfig::new().with_batch_size(512));
        assert_eq!(double.activations, 2 * estimate.activations);
    }
}
