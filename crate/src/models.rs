//! The generator and the discriminator (or critic): small MLPs on vectors.
//!
//! Both are [`Mlp`]s: `depth` hidden layers of `width` units with one activation, and a linear
//! output. The discriminator's output is the logit h (no sigmoid), as the losses expect.
//!
//! WGAN-GP needs ∇x D(x) inside a loss that is itself differentiated, and burn's autodiff is
//! first order. So [`Mlp::input_gradient`] writes the input gradient out from the layers
//! (weights and activation derivatives), as ordinary tensor operations that first-order
//! autodiff can then differentiate with respect to the weights.

use burn::config::Config;
use burn::module::{Module, Param};
use burn::nn::Linear;
use burn::tensor::activation::{elu, relu, tanh};
use burn::tensor::{Device, Tensor, TensorData};

use crate::data::Sampler;

/// Slope of leaky ReLU for negative inputs.
pub const LEAKY_SLOPE: f64 = 0.2;

/// The hidden layers' non-linearity.
#[derive(Config, Debug, Copy, PartialEq, Eq)]
pub enum Activation {
    Relu,
    LeakyRelu,
    Elu,
    Tanh,
}

impl Activation {
    pub const ALL: [Activation; 4] = [Self::Relu, Self::LeakyRelu, Self::Elu, Self::Tanh];

    pub fn id(self) -> &'static str {
        match self {
            Self::Relu => "relu",
            Self::LeakyRelu => "leaky_relu",
            Self::Elu => "elu",
            Self::Tanh => "tanh",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    pub fn apply<const D: usize>(self, x: Tensor<D>) -> Tensor<D> {
        match self {
            Self::Relu => relu(x),
            // slope·x + (1 − slope)·relu(x), the same function as burn's `leaky_relu`
            // without its masked select, which was a third of a CPU training step.
            Self::LeakyRelu => x
                .clone()
                .mul_scalar(LEAKY_SLOPE)
                .add(relu(x).mul_scalar(1.0 - LEAKY_SLOPE)),
            Self::Elu => elu(x, 1.0),
            Self::Tanh => tanh(x),
        }
    }

    /// The activation's derivative at the pre-activation `x`, as a differentiable tensor.
    pub fn derivative<const D: usize>(self, x: Tensor<D>) -> Tensor<D> {
        match self {
            Self::Relu => x.greater_elem(0.0).float(),
            Self::LeakyRelu => {
                let positive = x.clone().greater_elem(0.0);
                x.ones_like()
                    .mul_scalar(LEAKY_SLOPE)
                    .mask_fill(positive, 1.0)
            }
            Self::Elu => {
                // e^x for x ≤ 0 and 1 above; clamping first keeps e^x finite in the branch that
                // the mask discards, so its gradient cannot become inf · 0.
                let positive = x.clone().greater_elem(0.0);
                x.clamp_max(0.0).exp().mask_fill(positive, 1.0)
            }
            Self::Tanh => tanh(x).powi_scalar(2).neg().add_scalar(1.0),
        }
    }
}

/// The generator's architecture.
#[derive(Config, Debug)]
pub struct GeneratorConfig {
    /// Size of the latent code z.
    #[config(default = 4)]
    pub latent_dim: usize,
    #[config(default = 64)]
    pub width: usize,
    /// Number of hidden layers.
    #[config(default = 2)]
    pub depth: usize,
    #[config(default = "Activation::LeakyRelu")]
    pub activation: Activation,
    /// Normalise each hidden layer's pre-activations over the batch (no learnt scale).
    #[config(default = false)]
    pub batch_norm: bool,
}

/// The discriminator's (or critic's) architecture.
#[derive(Config, Debug)]
pub struct DiscriminatorConfig {
    #[config(default = 64)]
    pub width: usize,
    /// Number of hidden layers.
    #[config(default = 2)]
    pub depth: usize,
    #[config(default = "Activation::LeakyRelu")]
    pub activation: Activation,
    /// Standard deviation of Gaussian noise added to D's inputs while training (0: none).
    #[config(default = 0.0)]
    pub input_noise: f64,
    /// Probability of dropping each hidden unit while training (0: no dropout).
    #[config(default = 0.0)]
    pub dropout: f64,
    /// Divide each weight matrix by its largest singular value (Miyato et al. 2018).
    #[config(default = false)]
    pub spectral_norm: bool,
}

impl GeneratorConfig {
    /// A generator from latent codes to `data_dim`-dimensional samples.
    pub fn init(&self, data_dim: usize, sampler: &mut Sampler, device: &Device) -> Mlp {
        let (width, depth) = (self.width, self.depth);
        Mlp::init(
            self.latent_dim,
            data_dim,
            width,
            depth,
            self.activation,
            sampler,
            device,
        )
        .with_options(MlpOptions {
            batch_norm: self.batch_norm,
            ..MlpOptions::default()
        })
    }
}

impl DiscriminatorConfig {
    /// A discriminator from `data_dim`-dimensional samples to one logit.
    pub fn init(&self, data_dim: usize, sampler: &mut Sampler, device: &Device) -> Mlp {
        let (width, depth) = (self.width, self.depth);
        Mlp::init(data_dim, 1, width, depth, self.activation, sampler, device).with_options(
            MlpOptions {
                input_noise: self.input_noise,
                dropout: self.dropout,
                spectral_norm: self.spectral_norm,
                batch_norm: false,
            },
        )
    }
}

/// The regularisers an MLP can apply. Noise and dropout act only in
/// [`Mlp::forward_train`]; normalisation acts in every forward pass.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MlpOptions {
    pub batch_norm: bool,
    pub spectral_norm: bool,
    pub dropout: f64,
    pub input_noise: f64,
}

/// Power iterations per spectral-norm estimate.
///
/// Miyato et al. keep a persistent vector and do one iteration per step; starting afresh from
/// a fixed vector each pass keeps the module stateless, at the price of a few more small
/// matrix-vector products (the layers here are at most 256 wide).
const POWER_ITERATIONS: usize = 8;

/// A multi-layer perceptron: `layers.len() − 1` hidden layers and a linear output.
#[derive(Module, Debug)]
pub struct Mlp {
    pub layers: Vec<Linear>,
    #[module(skip)]
    pub activation: Activation,
    #[module(skip)]
    pub options: MlpOptions,
}

impl Mlp {
    /// Weights and biases from U(−1/√fan_in, 1/√fan_in) (PyTorch's default for linear
    /// layers), drawn from the run's sampler so that every backend starts from the same numbers.
    pub fn init(
        d_input: usize,
        d_output: usize,
        width: usize,
        depth: usize,
        activation: Activation,
        sampler: &mut Sampler,
        device: &Device,
    ) -> Self {
        let mut sizes = vec![d_input];
        sizes.extend(std::iter::repeat_n(width, depth));
        sizes.push(d_output);

        let layers = sizes
            .windows(2)
            .map(|pair| {
                let (fan_in, fan_out) = (pair[0], pair[1]);
                let bound = 1.0 / (fan_in as f64).sqrt();
                let weight = sampler.symmetric(fan_in * fan_out, bound);
                let bias = sampler.symmetric(fan_out, bound);
                Linear {
                    weight: Param::from_data(TensorData::new(weight, [fan_in, fan_out]), device),
                    bias: Some(Param::from_data(TensorData::new(bias, [fan_out]), device)),
                }
            })
            .collect();

        Self {
            layers,
            activation,
            options: MlpOptions::default(),
        }
    }

    /// An MLP with the given layers, each `(weights [d_in, d_out] row-major, bias [d_out])`:
    /// for tests and for loading a known state.
    pub fn from_layers(
        layers: Vec<(Vec<f32>, Vec<f32>)>,
        activation: Activation,
        device: &Device,
    ) -> Self {
        let layers = layers
            .into_iter()
            .map(|(weight, bias)| {
                let d_out = bias.len();
                let d_in = weight.len() / d_out;
                Linear {
                    weight: Param::from_data(TensorData::new(weight, [d_in, d_out]), device),
                    bias: Some(Param::from_data(TensorData::new(bias, [d_out]), device)),
                }
            })
            .collect();
        Self {
            layers,
            activation,
            options: MlpOptions::default(),
        }
    }

    pub fn with_options(mut self, options: MlpOptions) -> Self {
        self.options = options;
        self
    }

    /// The weight a layer applies: `[d_in, d_out]`, divided by its largest singular value
    /// when spectral normalisation is on. The estimate is differentiable in the weights; the
    /// power-iteration vectors are not (as in the paper).
    pub fn effective_weight(&self, layer: &Linear) -> Tensor<2> {
        let weight = layer.weight.val();
        if !self.options.spectral_norm {
            return weight;
        }
        let [d_in, d_out] = weight.dims();
        let frozen = weight.clone().detach();
        // u: `[d_out, 1]`, v: `[d_in, 1]`; v ∝ W u, u ∝ Wᵀ v.
        let mut u =
            Tensor::<2>::ones([d_out, 1], &weight.device()).div_scalar((d_out as f64).sqrt());
        let mut v = Tensor::<2>::ones([d_in, 1], &weight.device());
        for _ in 0..POWER_ITERATIONS {
            v = normalise(frozen.clone().matmul(u.clone()));
            u = normalise(frozen.clone().transpose().matmul(v.clone()));
        }
        // σ = vᵀ W u, `[1, 1]`.
        let sigma = v.transpose().matmul(weight.clone()).matmul(u);
        weight.div(sigma)
    }

    fn linear(&self, layer: &Linear, x: Tensor<2>) -> Tensor<2> {
        let out = x.matmul(self.effective_weight(layer));
        match &layer.bias {
            Some(bias) => out.add(bias.val().unsqueeze_dim(0)),
            None => out,
        }
    }

    /// `[batch, d_input]` → `[batch, d_output]`, without noise or dropout (evaluation).
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        self.forward_traced(x, None).0
    }

    /// The forward pass used in training: input noise and dropout drawn from `sampler`.
    pub fn forward_train(&self, x: Tensor<2>, sampler: &mut Sampler) -> Tensor<2> {
        self.forward_traced(x, Some(sampler)).0
    }

    /// The output and every hidden layer's pre-activation (what the input gradient needs).
    fn forward_traced(
        &self,
        x: Tensor<2>,
        mut sampler: Option<&mut Sampler>,
    ) -> (Tensor<2>, Vec<Tensor<2>>) {
        let [batch, d_input] = x.dims();
        let device = x.device();
        let mut a = x;
        if let (Some(sampler), true) = (sampler.as_deref_mut(), self.options.input_noise > 0.0) {
            let noise = sampler.latent(batch, d_input);
            let noise = Tensor::<2>::from_data(TensorData::new(noise, [batch, d_input]), &device);
            a = a.add(noise.mul_scalar(self.options.input_noise));
        }

        let last = self.layers.len() - 1;
        let mut pre_activations = Vec::with_capacity(last);
        for layer in &self.layers[..last] {
            let mut z = self.linear(layer, a);
            if self.options.batch_norm {
                z = batch_normalise(z);
            }
            pre_activations.push(z.clone());
            a = self.activation.apply(z);
            if let (Some(sampler), true) = (sampler.as_deref_mut(), self.options.dropout > 0.0) {
                a = dropout(a, self.options.dropout, sampler);
            }
        }
        (self.linear(&self.layers[last], a), pre_activations)
    }

    /// ∇x of the (single) output at each row of `x`: `[batch, d_input]` → `[batch, d_input]`.
    ///
    /// Back-propagation written by hand: start from the output layer's weights, then for each
    /// hidden layer from the top multiply by the activation's derivative and by the layer's
    /// transposed weights.
    pub fn input_gradient(&self, x: Tensor<2>) -> Tensor<2> {
        let [batch, _] = x.dims();
        let (_, pre_activations) = self.forward_traced(x, None);
        let last = self.layers.len() - 1;

        // d out / d a_last: the output weights `[width, 1]` as a row per example `[batch, width]`.
        let mut grad = self
            .effective_weight(&self.layers[last])
            .transpose()
            .repeat_dim(0, batch);

        for (layer, z) in self.layers[..last].iter().zip(pre_activations).rev() {
            grad = grad.mul(self.activation.derivative(z));
            grad = grad.matmul(self.effective_weight(layer).transpose());
        }
        grad
    }

    /// Every weight and bias clamped to [−c, c] (WGAN's Lipschitz constraint), keeping the
    /// parameter ids so that the optimiser's state carries over.
    pub fn clip_weights(self, c: f64) -> Self {
        let clip = |t: Tensor<2>| t.clamp(-c, c).detach().require_grad();
        let clip1 = |t: Tensor<1>| t.clamp(-c, c).detach().require_grad();
        let layers = self
            .layers
            .into_iter()
            .map(|layer| Linear {
                weight: layer.weight.map(clip),
                bias: layer.bias.map(|b| b.map(clip1)),
            })
            .collect();
        Self { layers, ..self }
    }

    /// Number of scalar parameters.
    pub fn parameter_count(&self) -> usize {
        self.num_params()
    }
}

/// A column vector scaled to unit length.
fn normalise(v: Tensor<2>) -> Tensor<2> {
    let norm = v.clone().powi_scalar(2).sum().sqrt().add_scalar(1e-12);
    v.div(norm.unsqueeze_dim(0))
}

/// Each column of `[batch, features]` shifted and scaled to mean 0, variance 1 over the batch.
fn batch_normalise(z: Tensor<2>) -> Tensor<2> {
    let mean = z.clone().mean_dim(0);
    let centred = z.sub(mean);
    let variance = centred.clone().powi_scalar(2).mean_dim(0);
    centred.div(variance.add_scalar(1e-5).sqrt())
}

/// Inverted dropout: each unit kept with probability 1 − p and scaled by 1/(1 − p).
fn dropout(a: Tensor<2>, p: f64, sampler: &mut Sampler) -> Tensor<2> {
    let [batch, width] = a.dims();
    let keep = 1.0 - p;
    let mask: Vec<f32> = sampler
        .uniform(batch * width)
        .into_iter()
        .map(|u| {
            if (u as f64) < keep {
                (1.0 / keep) as f32
            } else {
                0.0
            }
        })
        .collect();
    let mask = Tensor::<2>::from_data(TensorData::new(mask, [batch, width]), &a.device());
    a.mul(mask)
}
