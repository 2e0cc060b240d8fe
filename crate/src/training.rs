//! One run of the game: k discriminator updates per generator update, with the metrics the
//! charts need.
//!
//! A [`Trainer`] owns one generator, one discriminator, their optimisers and a copy of the
//! run's sampler. [`Comparison`] builds one trainer per generator loss from the same seed, so
//! every loss starts from the same weights and sees the same data: the only difference between
//! the curves is the loss.
//!
//! Metrics stay on the device: each step appends a small tensor, and [`Trainer::read_metrics`]
//! reads all of them back in one asynchronous transfer. On WebGPU a read is a round trip to the
//! GPU, so reading after every step would cost more than the step itself.

use burn::config::Config;
use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer, RmsPropConfig, SgdConfig};
use burn::tensor::{Device, Tensor, TensorData};
use serde::{Deserialize, Serialize};

use crate::data::{Sampler, Target};
use crate::losses::{gradient_penalty, GeneratorLoss};
use crate::models::{DiscriminatorConfig, GeneratorConfig, Mlp};

/// The optimiser used for both networks.
#[derive(Config, Debug, Copy, PartialEq, Eq)]
pub enum OptimizerKind {
    /// Adam with β₁ = 0.5 (the usual choice for GANs since DCGAN) and β₂ = 0.999.
    Adam,
    /// RMSProp without momentum, as in the WGAN paper.
    RmsProp,
    /// Plain stochastic gradient descent.
    Sgd,
}

impl OptimizerKind {
    pub const ALL: [OptimizerKind; 3] = [Self::Adam, Self::RmsProp, Self::Sgd];

    pub fn id(self) -> &'static str {
        match self {
            Self::Adam => "adam",
            Self::RmsProp => "rmsprop",
            Self::Sgd => "sgd",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.id() == id)
    }

    fn init(self) -> ModuleOptimizer {
        match self {
            Self::Adam => AdamConfig::new().with_beta_1(0.5).with_beta_2(0.999).init(),
            Self::RmsProp => RmsPropConfig::new().with_momentum(0.0).init(),
            Self::Sgd => SgdConfig::new().init(),
        }
    }
}

/// Everything that defines a run, apart from the generator loss.
#[derive(Config, Debug)]
pub struct TrainConfig {
    #[config(default = "Target::Mixture1d { modes: 2 }")]
    pub target: Target,
    #[config(default = "GeneratorConfig::new()")]
    pub generator: GeneratorConfig,
    #[config(default = "DiscriminatorConfig::new()")]
    pub discriminator: DiscriminatorConfig,
    #[config(default = 256)]
    pub batch_size: usize,
    #[config(default = 1e-3)]
    pub lr_g: f64,
    #[config(default = 1e-3)]
    pub lr_d: f64,
    /// Discriminator updates per generator update (k).
    #[config(default = 1)]
    pub d_steps: usize,
    /// Steps in which D trains alone before G starts: the knob that lets D win.
    #[config(default = 0)]
    pub head_start: usize,
    #[config(default = "OptimizerKind::Adam")]
    pub optimizer: OptimizerKind,
    /// λ of WGAN-GP's gradient penalty.
    #[config(default = 10.0)]
    pub gp_lambda: f64,
    /// Weight-clipping bound c of the Wasserstein critic.
    #[config(default = 0.01)]
    pub clip: f64,
    /// Target for real samples in D's loss: 1, or 0.9 with one-sided label smoothing.
    #[config(default = 1.0)]
    pub real_label: f64,
    #[config(default = 1)]
    pub seed: u64,
}

/// What one step reports, read back from the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepMetrics {
    /// Steps taken so far, head start included (1 for the first step).
    pub step: usize,
    /// True while D trains alone; G's gradient is measured but not applied.
    pub head_start: bool,
    /// ‖∇θ loss_g‖₂ over all of the generator's parameters.
    pub grad_norm: f32,
    /// ‖∇θ loss_g‖₂ per generator layer (weights and bias together), input layer first.
    pub layer_grad_norms: Vec<f32>,
    /// Mean D(G(z)): σ(h) where D outputs a probability, the raw score h otherwise.
    pub d_fake: f32,
    pub loss_g: f32,
    pub loss_d: f32,
}

/// Values per step in the metrics tensor before the per-layer norms.
const FIXED_METRICS: usize = 4;

/// One generator loss trained on one device.
pub struct Trainer {
    pub loss: GeneratorLoss,
    config: TrainConfig,
    device: Device,
    generator: Mlp,
    critic: Mlp,
    optim_g: ModuleOptimizer,
    optim_d: ModuleOptimizer,
    sampler: Sampler,
    steps: usize,
    /// Steps taken but not yet read back, each `[FIXED_METRICS + layers]`, with their head-start flag.
    pending: Vec<(Tensor<1>, bool)>,
    /// The unit vectors of a metrics row, on the device (see [`Trainer::metrics_row`]).
    metric_basis: Vec<Tensor<1>>,
}

impl Trainer {
    /// A trainer whose networks are drawn from `config.seed`: the same seed gives the same
    /// weights on every device and for every loss. `device` must have autodiff enabled.
    pub fn new(loss: GeneratorLoss, config: &TrainConfig, device: &Device) -> Self {
        let mut sampler = Sampler::new(config.seed);
        let dim = config.target.dim();
        let generator = config.generator.init(dim, &mut sampler, device);
        let critic = config.discriminator.init(dim, &mut sampler, device);
        let width = FIXED_METRICS + generator.layers.len();
        let metric_basis = (0..width)
            .map(|k| {
                let mut unit = vec![0.0f32; width];
                unit[k] = 1.0;
                Tensor::<1>::from_data(TensorData::new(unit, [width]), device).without_autodiff()
            })
            .collect();
        Self {
            loss,
            config: config.clone(),
            device: device.clone(),
            generator,
            critic,
            optim_g: config.optimizer.init(),
            optim_d: config.optimizer.init(),
            sampler,
            steps: 0,
            pending: Vec::new(),
            metric_basis,
        }
    }

    pub fn steps(&self) -> usize {
        self.steps
    }

    pub fn config(&self) -> &TrainConfig {
        &self.config
    }

    pub fn generator(&self) -> &Mlp {
        &self.generator
    }

    pub fn critic(&self) -> &Mlp {
        &self.critic
    }

    /// One step: during the head start one discriminator update and a measured (not applied)
    /// generator gradient; afterwards `d_steps` discriminator updates and one generator update.
    pub fn step(&mut self) {
        let head_start = self.steps < self.config.head_start;
        let d_updates = if head_start {
            1
        } else {
            self.config.d_steps.max(1)
        };

        let mut loss_d = Tensor::<1>::zeros([1], &self.device);
        for _ in 0..d_updates {
            loss_d = self.update_critic();
        }
        let generator_metrics = self.generator_step(!head_start);

        let mut values = vec![
            generator_metrics.grad_norm,
            generator_metrics.d_fake,
            generator_metrics.loss_g,
            loss_d,
        ];
        values.extend(generator_metrics.layer_grad_norms);
        let metrics = self.metrics_row(values);
        self.pending.push((metrics, head_start));
        self.steps += 1;
    }

    /// `[grad_norm, d_fake, loss_g, loss_d, layer norms...]` as one tensor, built as Σ eₖ·vₖ
    /// from the unit vectors eₖ: element-wise operations only, which burn's fusion merges into
    /// one GPU dispatch, where concatenating scalars costs a dispatch per piece. Finite values
    /// come through exactly (1·v + 0 + … = v); a NaN or infinity spreads to its whole row, which
    /// marks the step as diverged either way.
    fn metrics_row(&self, values: Vec<Tensor<1>>) -> Tensor<1> {
        values
            .into_iter()
            .zip(&self.metric_basis)
            .map(|(value, unit)| unit.clone().mul(value))
            .reduce(|row, term| row.add(term))
            .expect("a metrics row has at least the fixed metrics")
    }

    /// Hands over the metrics of every step since the last call, still on the device.
    pub fn take_metrics(&mut self) -> PendingMetrics {
        let pending = std::mem::take(&mut self.pending);
        PendingMetrics {
            first_step: self.steps - pending.len() + 1,
            flags: pending.iter().map(|(_, flag)| *flag).collect(),
            rows: pending.into_iter().map(|(row, _)| row).collect(),
        }
    }

    /// Reads back the metrics of every step since the last call, in one transfer.
    pub async fn read_metrics(&mut self) -> Result<Vec<StepMetrics>, String> {
        let mut all = PendingMetrics::read_many(vec![self.take_metrics()]).await?;
        Ok(all.pop().unwrap_or_default())
    }

    /// `n` fresh samples of the generator `[n, dim]`, and D's output (σ(h), or the raw score
    /// for critics) at each row of `points` `[m, dim]`, both still on the device. The latent
    /// codes come from their own stream (`seed`), so that looking does not change the run.
    pub fn snapshot(&self, n: usize, seed: u64, points: Vec<f32>) -> (Tensor<2>, Tensor<2>) {
        let mut sampler = Sampler::new(seed);
        let latent_dim = self.config.generator.latent_dim;
        let z = self.tensor(sampler.latent(n, latent_dim), [n, latent_dim]);
        let samples = self.generator.forward(z).without_autodiff();

        let dim = self.config.target.dim();
        let rows = points.len() / dim;
        let x = self.tensor(points, [rows, dim]);
        let verdict = self
            .loss
            .discriminator_output(self.critic.forward(x))
            .without_autodiff();
        (samples, verdict)
    }

    fn tensor(&self, values: Vec<f32>, shape: [usize; 2]) -> Tensor<2> {
        Tensor::from_data(TensorData::new(values, shape), &self.device)
    }

    fn real_batch(&mut self) -> Tensor<2> {
        let (batch, target) = (self.config.batch_size, self.config.target);
        let values = self.sampler.target(target, batch);
        self.tensor(values, [batch, target.dim()])
    }

    fn latent_batch(&mut self) -> Tensor<2> {
        let (batch, latent_dim) = (self.config.batch_size, self.config.generator.latent_dim);
        let values = self.sampler.latent(batch, latent_dim);
        self.tensor(values, [batch, latent_dim])
    }

    /// One discriminator update; returns its loss (detached, on the inner backend).
    fn update_critic(&mut self) -> Tensor<1> {
        let real = self.real_batch();
        let z = self.latent_batch();
        let fake = self.generator.forward(z).detach();

        let logits_real = self.critic.forward_train(real.clone(), &mut self.sampler);
        let logits_fake = self.critic.forward_train(fake.clone(), &mut self.sampler);
        let mut loss_d = self
            .loss
            .loss_d(logits_real, logits_fake, self.config.real_label);

        if self.loss == GeneratorLoss::GradientPenalty {
            // x̂ = εx + (1 − ε)G(z), one ε ~ U(0, 1) per example.
            let batch = self.config.batch_size;
            let eps = self.sampler.uniform(batch);
            let eps = self.tensor(eps, [batch, 1]);
            let mixed = real
                .mul(eps.clone())
                .add(fake.mul(eps.neg().add_scalar(1.0)));
            let grads = self.critic.input_gradient(mixed);
            loss_d = loss_d.add(gradient_penalty(grads, self.config.gp_lambda));
        }

        let grads = GradientsParams::from_grads(loss_d.backward(), &self.critic);
        let critic = self.critic.clone();
        self.critic = self.optim_d.step(self.config.lr_d, critic, grads);
        if self.loss == GeneratorLoss::Wasserstein {
            self.critic = self.critic.clone().clip_weights(self.config.clip);
        }
        loss_d.without_autodiff()
    }

    /// The generator's gradient, measured always and applied when `apply` is set.
    fn generator_step(&mut self, apply: bool) -> GeneratorMetrics {
        let z = self.latent_batch();
        let fake = self.generator.forward(z);
        // The critic's parameters are fixed during the generator's step: without this, the
        // backward pass would also compute their gradients (a matmul and a sum per layer) only
        // to drop them.
        let critic = self.critic.clone().no_grad();
        let logits = critic.forward_train(fake, &mut self.sampler);
        let d_fake = self
            .loss
            .discriminator_output(logits.clone().detach())
            .mean();
        let loss_g = self.loss.loss_g(logits);
        let grads = loss_g.backward();

        // ‖∇‖² per layer, weights and bias together.
        let squares: Vec<Tensor<1>> = self
            .generator
            .layers
            .iter()
            .map(|layer| {
                let weight = layer
                    .weight
                    .val()
                    .grad(&grads)
                    .map(|g| g.powi_scalar(2).sum());
                let bias = layer.bias.as_ref().and_then(|b| b.val().grad(&grads));
                let bias = bias.map(|g| g.powi_scalar(2).sum());
                match (weight, bias) {
                    (Some(w), Some(b)) => w.add(b),
                    (Some(w), None) => w,
                    // Unreachable while the loss depends on every layer; zero keeps it safe.
                    (None, _) => Tensor::zeros([1], &self.device).without_autodiff(),
                }
            })
            .collect();
        // Sums and roots of [1]-tensors: element-wise, so fused on the GPU (no concatenation).
        let total = squares
            .iter()
            .cloned()
            .reduce(|a, b| a.add(b))
            .expect("an MLP has at least one layer")
            .sqrt();
        let per_layer = squares.into_iter().map(Tensor::sqrt).collect();

        if apply {
            let params = GradientsParams::from_grads(grads, &self.generator);
            let generator = self.generator.clone();
            self.generator = self.optim_g.step(self.config.lr_g, generator, params);
        }

        GeneratorMetrics {
            grad_norm: total,
            layer_grad_norms: per_layer,
            d_fake: d_fake.without_autodiff(),
            loss_g: loss_g.without_autodiff(),
        }
    }
}

struct GeneratorMetrics {
    grad_norm: Tensor<1>,
    layer_grad_norms: Vec<Tensor<1>>,
    d_fake: Tensor<1>,
    loss_g: Tensor<1>,
}

/// Metrics of steps already taken, not yet read back from the device.
pub struct PendingMetrics {
    first_step: usize,
    flags: Vec<bool>,
    /// One `[FIXED_METRICS + layers]` tensor per step.
    rows: Vec<Tensor<1>>,
}

impl PendingMetrics {
    /// Reads several trainers' metrics in one transfer (the trainers of one comparison share
    /// an architecture, so their rows have the same width).
    pub async fn read_many(batches: Vec<PendingMetrics>) -> Result<Vec<Vec<StepMetrics>>, String> {
        let rows: Vec<Tensor<1>> = batches
            .iter()
            .flat_map(|b| b.rows.iter().cloned())
            .collect();
        let Some(width) = rows.first().map(|row| row.dims()[0]) else {
            return Ok(batches.iter().map(|_| Vec::new()).collect());
        };
        if rows.iter().any(|row| row.dims()[0] != width) {
            return Err("trainers of different depths cannot be read together".into());
        }
        let values = read_f32(Tensor::cat(rows, 0)).await?;

        let mut rows = values.chunks(width);
        Ok(batches
            .into_iter()
            .map(|batch| {
                let first = batch.first_step;
                batch
                    .flags
                    .into_iter()
                    .enumerate()
                    .zip(rows.by_ref())
                    .map(|((i, head_start), row)| StepMetrics {
                        step: first + i,
                        head_start,
                        grad_norm: row[0],
                        d_fake: row[1],
                        loss_g: row[2],
                        loss_d: row[3],
                        layer_grad_norms: row[FIXED_METRICS..].to_vec(),
                    })
                    .collect()
            })
            .collect())
    }
}

/// Reads a tensor back as f32 values, asynchronously (a blocking read panics on WebGPU).
pub async fn read_f32<const D: usize>(tensor: Tensor<D>) -> Result<Vec<f32>, String> {
    let data = tensor
        .into_data_async()
        .await
        .map_err(|e| format!("reading a tensor: {e:?}"))?;
    data.convert::<f32>()
        .try_into_vec::<f32>()
        .map_err(|e| format!("reading a tensor: {e:?}"))
}

/// Several generator losses trained side by side from the same seed and the same weights.
pub struct Comparison {
    pub trainers: Vec<Trainer>,
    /// Trainers stopped for good (their run diverged); the others go on without them.
    halted: Vec<bool>,
}

impl Comparison {
    pub fn new(losses: &[GeneratorLoss], config: &TrainConfig, device: &Device) -> Self {
        Self {
            trainers: losses
                .iter()
                .map(|&loss| Trainer::new(loss, config, device))
                .collect(),
            halted: vec![false; losses.len()],
        }
    }

    /// Stops trainer `index` (a run whose metrics stopped being finite): stepping a diverged
    /// network only spends time on NaNs.
    pub fn halt(&mut self, index: usize) {
        if let Some(halted) = self.halted.get_mut(index) {
            *halted = true;
        }
    }

    pub fn is_halted(&self, index: usize) -> bool {
        self.halted.get(index).copied().unwrap_or(false)
    }

    /// Steps taken by the trainers still running (by the furthest one, once all have halted).
    pub fn steps(&self) -> usize {
        let running = self
            .trainers
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.halted[*i]);
        running
            .map(|(_, t)| t.steps())
            .max()
            .or_else(|| self.trainers.iter().map(Trainer::steps).max())
            .unwrap_or(0)
    }

    /// `n` steps of every trainer that has not halted.
    pub fn run(&mut self, n: usize) {
        for (trainer, _) in self
            .trainers
            .iter_mut()
            .zip(&self.halted)
            .filter(|(_, halted)| !**halted)
        {
            for _ in 0..n {
                trainer.step();
            }
        }
    }

    /// Each trainer's metrics since the last read, in the order of `trainers`, in one transfer.
    pub async fn read_metrics(&mut self) -> Result<Vec<Vec<StepMetrics>>, String> {
        let pending = self
            .trainers
            .iter_mut()
            .map(Trainer::take_metrics)
            .collect();
        PendingMetrics::read_many(pending).await
    }
}
