// The few sentences that JavaScript writes, in the page's language.

// Steps per second as a reader reads them: whole above 100, else two digits.
export function speed(stepsPerSecond, unit = "steps/s") {
  if (!Number.isFinite(stepsPerSecond)) return "–";
  const n = stepsPerSecond >= 100 ? Math.round(stepsPerSecond)
    : Number(stepsPerSecond.toPrecision(2));
  return `${n} ${unit}`;
}

const STRINGS = {
  en: {
    loading: "Loading the module…",
    ready: "Ready.",
    moduleFailed: "The training module failed to load. Reload the page; if " +
      "it happens again, this browser may lack WebAssembly support.",
    starting: "Starting…",
    measuringBackends: "Timing the CPU and WebGPU backends on this model…",
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
      noGpu: () => "this browser does not offer WebGPU",
      noAdapter: () => "the browser found no WebGPU adapter",
      fallback: (adapter) => `the only WebGPU adapter (${adapter}) is a ` +
        "software fallback, hundreds of times slower than the CPU for " +
        "this model",
      hardware: () => "a hardware WebGPU adapter is available",
      measured: (adapter, detail, m) => "it was the faster of the two, " +
        `measured here on this model and batch: CPU ${speed(m.cpu)}, ` +
        `WebGPU ${adapter ? `(${adapter}) ` : ""}${m.webgpu !== null ? speed(m.webgpu)
          : m.slow ? `not done warming up within ${m.slow} s`
            : "failed to start"}`,
      recovered: () => "the WebGPU run failed and the CPU took over",
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
    // A value from the URL (or a control) that was not used. p: the Problem
    // from the Rust parser, with `default` filled in; choices: a short list.
    problems: {
      unknown_parameter: (p) => `“${p.parameter}” is not a setting of this ` +
        "page, so it was ignored.",
      not_for_figure: (p, figure) => `“${p.parameter}” does not apply to ` +
        `the “${figure}” figure, so it was ignored.`,
      repeated: (p) => `“${p.parameter}” was given more than once; the ` +
        `first value was used and “${p.value}” ignored.`,
      not_a_number: (p) => `${p.parameter} = “${p.value}” is not a number; ` +
        `using the default, ${p.default}.`,
      not_whole: (p) => `${p.parameter} = “${p.value}” is not a whole ` +
        `number; using the default, ${p.default}.`,
      out_of_range: (p) => `${p.parameter} = ${p.value} is outside ` +
        `${p.min} to ${p.max}; using the default, ${p.default}.`,
      unknown_choice: (p, _, choices) => `${p.parameter} = “${p.value}” is ` +
        `not one of ${choices}; using the default, ${p.default}.`,
      unknown_item: (p, _, choices) => `${p.parameter}: “${p.value}” is not ` +
        `one of ${choices}, so it was left out.`,
      empty_list: (p) => `${p.parameter} names nothing usable; using the ` +
        `default, ${p.default}.`,
      not_a_switch: (p) => `${p.parameter} = “${p.value}” is neither on ` +
        `nor off (1 or 0); using the default, ${p.default}.`,
    },
    presets: {
      vanishing: "Strong discriminator",
      stagnation: "Stagnation",
      imbalance: "Imbalance",
      instability: "Instability",
      mode_collapse: "Mode collapse",
      non_saturating: "Non-saturating loss",
      small_d: "Smaller D",
      input_noise: "Input noise",
      dropout: "Dropout",
      batch_norm: "Batch norm",
      spectral_norm: "Spectral norm",
      leaky_relu: "Leaky ReLU",
      elu: "ELU",
      wasserstein: "Weight clipping",
      gradient_penalty: "Gradient penalty",
      rmsprop: "RMSProp",
      adam_vs_sgd: "SGD (compare with Adam)",
      label_smoothing: "Label smoothing",
    },
    divergedShort: (step) => `diverged at step ${step}`,
    samplesSummary: (n, mean, sd) => `${n} generator samples; their first ` +
      `coordinate has mean ${mean} and standard deviation ${sd}.`,
    costLine: (width, points) => `Width ${width} (batch: ms): ${points}.`,
    nothing: "none",
    noFigure: (id, fallback) => `There is no figure “${id}”; showing ` +
      `“${fallback}” instead.`,
    copyLink: "Copy link",
    copied: "Link copied to the clipboard.",
    copyThis: "Copy this link:",
    downloadCsv: "Data (CSV)",
    exportPng: "Image (PNG)",
    fullArticle: "Open in the full article",
    embedTitle: (caption) => `Live figure: ${caption}`,
    divergedMark: "× marks where a run diverged.",
    deviceLost: (why) => `The WebGPU device was lost (${why}).`,
    stalled: (seconds) => `WebGPU has not answered for ${seconds} s.`,
    reducedMotion: "Paused, as your system asks for reduced motion: press " +
      "Play to train.",
    moduleFailedEmbed: "This figure could not load its module (the .wasm " +
      "file). Reload the page; if it happens again, open the full article " +
      "or try a browser with WebAssembly enabled.",
    chartSummary: {
      sigmoid: (flat) => "σ(h) rises from almost 0 to almost 1 as h goes " +
        "from −12 to 12; its slope σ′(h) peaks at 0.25 at h = 0 and is " +
        `below 0.001 wherever |h| > ${flat}.`,
      costs: (h, mm, ns) => "Three generator costs against the logit h. At " +
        `the marked h = ${h}, the minimax slope is ${mm} and the ` +
        `non-saturating slope ${ns}.`,
      optimal: (mean, js, value) => "The data density, the generator's " +
        `density (mean ${mean}) and the optimal discriminator D*. Here ` +
        `JS = ${js} and V(G, D*) = ${value}.`,
      cost: (n) => `Milliseconds per training step for ${n} measured ` +
        "settings of batch and width.",
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
