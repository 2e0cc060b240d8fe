// The few sentences that JavaScript writes, in the page's language.
const STRINGS = {
  en: {
    loading: "Loading the module…",
    ready: "Ready.",
    moduleFailed: "The training module failed to load. Reload the page; if " +
      "it happens again, this browser may lack WebAssembly support.",
    starting: "Starting…",
    readyLab: "Ready: press Play.",
    training: (step, speed, n, batch) => `Training: step ${step}, ` +
      `${speed} steps/s per loss (${n} loss${n > 1 ? "es" : ""}, batch ` +
      `${batch}).`,
    paused: (step) => `Paused at step ${step}.`,
    onWebgpu: (adapter, reason) =>
      `Training on WebGPU (burn-wgpu) on ${adapter}, because ${reason}.`,
    onCpu: (reason) => "Training on the CPU (burn's flex backend compiled " +
      `to WebAssembly), because ${reason}.`,
    reasons: {
      url: () => "the URL asks for it",
      noBackend: () => "this build of the module has no WebGPU backend",
      noGpu: () => "this browser does not offer WebGPU",
      noAdapter: () => "the browser found no WebGPU adapter",
      fallback: (adapter) => `the only WebGPU adapter (${adapter}) is a ` +
        "software fallback, hundreds of times slower than the CPU for " +
        "this model",
      hardware: () => "a hardware WebGPU adapter is available",
      webgpuFailed: (adapter, detail) => `WebGPU failed to start ` +
        `(${detail}), so the CPU took over`,
    },
    floats: "floats",
    samplesOf: (name) => `Samples of the ${name} generator, with D(x)`,
    losses: {
      minimax: "minimax",
      non_saturating: "non-saturating",
      least_squares: "least squares",
      wasserstein: "Wasserstein (clip)",
      gradient_penalty: "WGAN-GP",
      hinge: "hinge",
    },
    summary: (step, parts) => `Step ${step}. Latest gradient norms: ` +
      `${parts}.`,
    atHeadStart: (step, parts) => `At the end of the head start (step ` +
      `${step}): ${parts}.`,
    ratio: (step, ratio) => `At the end of the head start (step ${step}) ` +
      `the non-saturating gradient is ${ratio}× the minimax one.`,
    diverged: (loss, step) => `The ${loss} run diverged at step ${step}: ` +
      "its loss or gradient stopped being a finite number. The other " +
      "losses go on.",
    workerFailed: (why) => `The training worker stopped: ${why}`,
    restartedCpu: "Restarted on the CPU backend.",
    pressReset: "Press Reset to start again.",
    chartFailed: (why) => `The chart could not be drawn: ${why}`,
    step: (k, n) => `Step ${k} of ${n}`,
    costsReadout: (h, d, mm, ns, ml) => `h = ${h}, D = ${d}: slopes minimax ` +
      `${mm}, non-saturating ${ns}, max. likelihood ${ml}`,
    measuring: "Measuring…",
    measured: (backend, adapter) => "Measured on " +
      (backend === "webgpu" ? `WebGPU (${adapter}).` : "the CPU backend."),
    derivation: {
      sigma: "σ(h) = D(G(z))",
      oneMinus: "1 − σ(h)",
      sigmaPrime: "σ′(h)",
      loss: "loss log(1 − σ(h))",
      chain: "chain rule 1/(1 − σ) · (−σ′)",
      simplified: "simplified −σ(h)",
      autodiff: "burn autodiff dL/dh (f32)",
      nonSat: "non-saturating −(1 − σ(h))",
      nonSatAutodiff: "burn autodiff, non-saturating",
    },
    divergences: {
      kl: "KL(p_data ‖ p_g)",
      klReverse: "KL(p_g ‖ p_data)",
      js: "JS(p_data ‖ p_g)",
      cross: "cross-entropy H(p_data, p_g)",
      entropy: "entropy H(p_data)",
      w1: "Wasserstein-1",
    },
    optimal: {
      value: "V(G, D*) by quadrature",
      identity: "−log 4 + 2·JS",
      js: "JS(p_data ‖ p_g)",
      ln2: "log 2",
      w1: "W1(p_data, p_g)",
    },
    memory: {
      params: "parameters p + q",
      adam: "Adam state (2 per parameter)",
      activations: "activations kept for backward (batch 256)",
      total: "total",
    },
  },
};

export function t() {
  const lang = document.documentElement.lang.startsWith("pt") ? "pt" : "en";
  return STRINGS[lang] ?? STRINGS.en;
}

export function registerStrings(lang, strings) {
  STRINGS[lang] = { ...STRINGS.en, ...strings };
}
