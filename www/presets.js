// Named lab settings: the runs the article's sections point at. Each is a
// complete set of controls, so that switching preset resets everything else.
const BASE = {
  losses: ["minimax", "non_saturating"],
  head_start: 0,
  d_steps: 1,
  lr_g: 0.001,
  lr_d: 0.001,
  optimizer: "adam",
  seed: 1,
  target: "mixture",
  batch_size: 256,
  width: 64,
  d_width: 64,
  activation: "leaky_relu",
  input_noise: 0,
  dropout: 0,
  batch_norm: false,
  spectral_norm: false,
  label_smoothing: false,
};

const with_ = (label, changes) => ({ label, settings: { ...BASE, ...changes } });

export const PRESETS = {
  vanishing: with_("Strong discriminator", { head_start: 300 }),
  stagnation: with_("Stagnation", {
    head_start: 300, optimizer: "sgd", lr_g: 0.05, lr_d: 0.05 }),
  imbalance: with_("Imbalance", {
    d_steps: 5, lr_d: 0.005, lr_g: 0.0002 }),
  instability: with_("Instability", { lr_g: 0.02, lr_d: 0.02 }),
  mode_collapse: with_("Mode collapse", {
    target: "ring", losses: ["minimax", "non_saturating"] }),
  non_saturating: with_("Non-saturating loss", { head_start: 300 }),
  small_d: with_("Smaller D", { head_start: 300, d_width: 8,
    losses: ["minimax"] }),
  input_noise: with_("Input noise", { head_start: 300, input_noise: 0.5,
    losses: ["minimax"] }),
  dropout: with_("Dropout", { head_start: 300, dropout: 0.5,
    losses: ["minimax"] }),
  batch_norm: with_("Batch norm", { head_start: 300, batch_norm: true,
    losses: ["minimax", "non_saturating"] }),
  spectral_norm: with_("Spectral norm", { head_start: 300,
    spectral_norm: true, losses: ["minimax"] }),
  leaky_relu: with_("Leaky ReLU", { head_start: 300,
    activation: "leaky_relu", losses: ["minimax", "non_saturating"] }),
  elu: with_("ELU", { head_start: 300, activation: "elu",
    losses: ["minimax", "non_saturating"] }),
  wasserstein: with_("Weight clipping", { head_start: 300,
    losses: ["minimax", "wasserstein"], optimizer: "rmsprop",
    lr_g: 0.00005, lr_d: 0.00005, d_steps: 5 }),
  gradient_penalty: with_("Gradient penalty", { head_start: 300,
    losses: ["minimax", "gradient_penalty"] }),
  rmsprop: with_("RMSProp", { head_start: 300, optimizer: "rmsprop" }),
  adam_vs_sgd: with_("SGD (compare with Adam)", { head_start: 300,
    optimizer: "sgd", lr_g: 0.05, lr_d: 0.05 }),
  label_smoothing: with_("Label smoothing", { head_start: 300,
    label_smoothing: true, losses: ["minimax"] }),
};

export const DEFAULT_PRESET = "vanishing";
