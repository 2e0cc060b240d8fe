// The project's reference GAN, written again in TensorFlow.js so that the
// benchmark compares the same arithmetic: the ring target, the two MLPs, the
// non-saturating loss and Adam of crate/src/{data,models,training}.rs.
//
// It takes the `tf` namespace as an argument rather than importing it, so the
// same file runs on any backend, in a worker or in Node.
//
//   const gan = createGan(tf, { batchSize: 256, seed: 1 });
//   const rows = await gan.step(20);  // 20 × [gradNorm, dFake, lossG, lossD]

export const RING = { modes: 8, radius: 2.0, std: 0.05 };
const LATENT_DIM = 4;
const WIDTH = 64;
const LEAKY_SLOPE = 0.2;
// burn's AdamConfig with the project's β₁ (its epsilon default is 1e-5).
const ADAM = { learningRate: 1e-3, beta1: 0.5, beta2: 0.999, epsilon: 1e-5 };

// Sizes of the layers, input first: latent 4 → 64 → 64 → 2 and 2 → 64 → 64 → 1.
const GENERATOR = [LATENT_DIM, WIDTH, WIDTH, 2];
const DISCRIMINATOR = [2, WIDTH, WIDTH, 1];

// A seeded source of host-side random numbers (mulberry32). burn also draws
// every batch on the host and uploads it, so both sides pay the same upload
// and neither spends kernels on sampling.
function sampler(seed) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // n draws from N(0, std²), two at a time by Box–Muller.
  const normals = (n, std = 1) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i += 2) {
      const r = std * Math.sqrt(-2 * Math.log(1 - uniform()));
      const angle = 2 * Math.PI * uniform();
      out[i] = r * Math.cos(angle);
      if (i + 1 < n) out[i + 1] = r * Math.sin(angle);
    }
    return out;
  };
  // n draws from U(−bound, bound), for the initial weights.
  const symmetric = (n, bound) =>
    Float32Array.from({ length: n }, () => (uniform() * 2 - 1) * bound);
  // `batch` points of the ring, row-major [batch, 2]: a mode picked
  // uniformly, plus isotropic noise.
  const ring = (batch) => {
    const out = normals(2 * batch, RING.std);
    for (let i = 0; i < batch; i++) {
      const angle = 2 * Math.PI * Math.floor(uniform() * RING.modes) /
        RING.modes;
      out[2 * i] += RING.radius * Math.cos(angle);
      out[2 * i + 1] += RING.radius * Math.sin(angle);
    }
    return out;
  };
  return { normals, symmetric, ring };
}

// An MLP with leaky-ReLU hidden layers and a linear output layer; every
// weight and bias starts uniform in ±1/√fan_in.
function mlp(tf, sizes, random) {
  const layers = sizes.slice(1).map((fanOut, i) => {
    const fanIn = sizes[i];
    const bound = 1 / Math.sqrt(fanIn);
    return tf.tidy(() => ({
      weight: tf.variable(tf.tensor2d(random.symmetric(fanIn * fanOut, bound),
        [fanIn, fanOut])),
      bias: tf.variable(tf.tensor1d(random.symmetric(fanOut, bound))),
    }));
  });
  const last = layers.length - 1;
  // The bias rides in the matmul kernel; the activation cannot, because
  // TF.js's fused matmul has no gradient for a fused leaky ReLU.
  const forward = (x) => layers.reduce((h, { weight, bias }, i) => {
    const y = tf.fused.matMul({ a: h, b: weight, bias });
    return i < last ? tf.leakyRelu(y, LEAKY_SLOPE) : y;
  }, x);
  const variables = layers.flatMap(({ weight, bias }) => [weight, bias]);
  const parameters = variables.reduce((sum, v) => sum + v.size, 0);
  return { forward, variables, parameters };
}

const adam = (tf) =>
  tf.train.adam(ADAM.learningRate, ADAM.beta1, ADAM.beta2, ADAM.epsilon);

export function createGan(tf, { batchSize, seed = 1 }) {
  const random = sampler(seed);
  const generator = mlp(tf, GENERATOR, random);
  const discriminator = mlp(tf, DISCRIMINATOR, random);
  const optimizerG = adam(tf);
  const optimizerD = adam(tf);
  const latent = (n) =>
    tf.tensor2d(random.normals(n * LATENT_DIM), [n, LATENT_DIM]);
  // softplus(−h) = −log σ(h) and softplus(h) = −log(1 − σ(h)), from logits.
  const lossReal = (h) => tf.mean(tf.softplus(tf.neg(h)));
  const lossFake = (h) => tf.mean(tf.softplus(h));

  // One D update then one G update; returns the step's metrics as a [4]
  // tensor left on the device: ‖∇θ loss_g‖₂, mean σ(h_fake), loss_g, loss_d.
  function step() {
    return tf.tidy(() => {
      const real = tf.tensor2d(random.ring(batchSize), [batchSize, 2]);
      // Computed outside the gradient function: D's update stops at G(z).
      const fake = generator.forward(latent(batchSize));
      const lossD = optimizerD.minimize(() =>
        tf.add(lossReal(discriminator.forward(real)),
          lossFake(discriminator.forward(fake))),
      true, discriminator.variables);

      let dFake;
      const { value: lossG, grads } = tf.variableGrads(() => {
        const h = discriminator.forward(generator.forward(latent(batchSize)));
        // Kept past variableGrads' own tidy; disposed below.
        dFake = tf.keep(tf.mean(tf.sigmoid(h)));
        return lossReal(h);
      }, generator.variables);
      const gradNorm = tf.sqrt(tf.addN(
        Object.values(grads).map((g) => tf.sum(tf.square(g)))));
      optimizerG.applyGradients(grads);
      const row = tf.stack([gradNorm, dFake, lossG, lossD]);
      dFake.dispose();
      return row;
    });
  }

  return {
    parameters: {
      generator: generator.parameters,
      discriminator: discriminator.parameters,
    },

    // Takes n steps and reads their metrics back in one transfer: n rows of
    // [gradNorm, dFake, lossG, lossD].
    async step(n) {
      const rows = Array.from({ length: n }, step);
      const stacked = tf.stack(rows);
      tf.dispose(rows);
      const values = await stacked.data();
      stacked.dispose();
      return Array.from({ length: n },
        (_, i) => Array.from(values.subarray(4 * i, 4 * i + 4)));
    },

    // n samples of the generator, row-major [n, 2].
    async sample(n) {
      const samples = tf.tidy(() => generator.forward(latent(n)));
      const values = await samples.data();
      samples.dispose();
      return values;
    },

    dispose() {
      tf.dispose([...generator.variables, ...discriminator.variables]);
      optimizerG.dispose();
      optimizerD.dispose();
    },
  };
}
