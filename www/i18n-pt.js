// Brazilian Portuguese (pt-BR) strings for the sentences JavaScript writes.
import { registerStrings, speed } from "./i18n.js";

registerStrings("pt", {
  loading: "Carregando o módulo…",
  ready: "Pronto.",
  moduleFailed: "O módulo de treinamento não carregou. Recarregue a página; " +
    "se isso acontecer de novo, talvez este navegador não suporte " +
    "WebAssembly.",
  starting: "Iniciando…",
  measuringBackends: "Medindo os backends de CPU e WebGPU neste modelo…",
  readyLab: "Pronto: pressione Executar.",
  training: (step, speed, n, batch) => `Treinando: passo ${step}, ` +
    `${speed} passos/s por perda (${n} perda${n > 1 ? "s" : ""}, lote ` +
    `${batch}).`,
  paused: (step) => `Pausado no passo ${step}.`,
  onWebgpu: (adapter, reason) =>
    `Treinando com WebGPU (burn-wgpu) em ${adapter}, porque ${reason}.`,
  onCpu: (reason) => "Treinando na CPU (backend flex do burn compilado " +
    `para WebAssembly), porque ${reason}.`,
  reasons: {
    url: () => "a URL pede isso",
    noGpu: () => "este navegador não oferece WebGPU",
    noAdapter: () => "o navegador não encontrou um adaptador WebGPU",
    fallback: (adapter) => `o único adaptador WebGPU (${adapter}) é um ` +
      "substituto em software, centenas de vezes mais lento que a CPU " +
      "para este modelo",
    hardware: () => "há um adaptador WebGPU de hardware disponível",
    measured: (adapter, detail, m) => "foi o mais rápido dos dois, medido " +
      `aqui neste modelo e lote: CPU ${speed(m.cpu, "passos/s")}, WebGPU ` +
      `${adapter ? `(${adapter}) ` : ""}${m.webgpu !== null ? speed(m.webgpu, "passos/s")
        : m.slow ? `sem terminar o aquecimento em ${m.slow} s`
          : "não iniciou"}`,
    recovered: () => "a execução em WebGPU falhou e a CPU assumiu",
    webgpuFailed: (adapter, detail) => "o WebGPU não conseguiu iniciar " +
      `(${detail}), então a CPU assumiu`,
  },
  floats: "floats",
  samplesOf: (name) => `Amostras do gerador ${name}, com D(x)`,
  losses: {
    minimax: "minimax",
    non_saturating: "não saturante",
    least_squares: "mínimos quadrados",
    wasserstein: "Wasserstein (recorte)",
    gradient_penalty: "WGAN-GP",
    hinge: "hinge",
  },
  summary: (step, parts) => `Passo ${step}. Normas do gradiente mais ` +
    `recentes: ${parts}.`,
  atHeadStart: (step, parts) => "Ao final da vantagem inicial (passo " +
    `${step}): ${parts}.`,
  ratio: (step, ratio) => `Ao final da vantagem inicial (passo ${step}), ` +
    `o gradiente não saturante é ${ratio}× o minimax.`,
  diverged: (loss, step) => `A execução ${loss} divergiu no passo ${step}: ` +
    "sua perda ou seu gradiente deixou de ser um número finito. As demais " +
    "perdas continuam.",
  workerFailed: (why) => `O worker de treinamento parou: ${why}`,
  restartedCpu: "Reiniciado no backend de CPU.",
  pressReset: "Pressione Reiniciar para começar de novo.",
  chartFailed: (why) => `Não foi possível desenhar o gráfico: ${why}`,
  step: (k, n) => `Passo ${k} de ${n}`,
  costsReadout: (h, d, mm, ns, ml) => `h = ${h}, D = ${d}: inclinações ` +
    `minimax ${mm}, não saturante ${ns}, máx. verossimilhança ${ml}`,
  measuring: "Medindo…",
  measured: (backend, adapter) => "Medido " +
    (backend === "webgpu" ? `com WebGPU (${adapter}).` : "no backend de CPU."),
  derivation: {
    sigma: "σ(h) = D(G(z))",
    oneMinus: "1 − σ(h)",
    sigmaPrime: "σ′(h)",
    loss: "perda log(1 − σ(h))",
    chain: "regra da cadeia 1/(1 − σ) · (−σ′)",
    simplified: "simplificado −σ(h)",
    autodiff: "autodiff do burn dL/dh (f32)",
    nonSat: "não saturante −(1 − σ(h))",
    nonSatAutodiff: "autodiff do burn, não saturante",
  },
  divergences: {
    kl: "KL(p_data ‖ p_g)",
    klReverse: "KL(p_g ‖ p_data)",
    js: "JS(p_data ‖ p_g)",
    cross: "entropia cruzada H(p_data, p_g)",
    entropy: "entropia H(p_data)",
    w1: "Wasserstein-1",
  },
  optimal: {
    value: "V(G, D*) por quadratura",
    identity: "−log 4 + 2·JS",
    js: "JS(p_data ‖ p_g)",
    ln2: "log 2",
    w1: "W1(p_data, p_g)",
  },
  problems: {
    unknown_parameter: (p) => `“${p.parameter}” não é um ajuste desta ` +
      "página, então foi ignorado.",
    not_for_figure: (p, figure) => `“${p.parameter}” não se aplica à ` +
      `figura “${figure}”, então foi ignorado.`,
    repeated: (p) => `“${p.parameter}” apareceu mais de uma vez; valeu o ` +
      `primeiro valor e “${p.value}” foi ignorado.`,
    not_a_number: (p) => `${p.parameter} = “${p.value}” não é um número; ` +
      `usando o padrão, ${p.default}.`,
    not_whole: (p) => `${p.parameter} = “${p.value}” não é um número ` +
      `inteiro; usando o padrão, ${p.default}.`,
    out_of_range: (p) => `${p.parameter} = ${p.value} está fora de ` +
      `${p.min} a ${p.max}; usando o padrão, ${p.default}.`,
    unknown_choice: (p, _, choices) => `${p.parameter} = “${p.value}” não ` +
      `é um de ${choices}; usando o padrão, ${p.default}.`,
    unknown_item: (p, _, choices) => `${p.parameter}: “${p.value}” não é ` +
      `um de ${choices}, então ficou de fora.`,
    empty_list: (p) => `${p.parameter} não nomeia nada utilizável; usando ` +
      `o padrão, ${p.default}.`,
    not_a_switch: (p) => `${p.parameter} = “${p.value}” não é ligado nem ` +
      `desligado (1 ou 0); usando o padrão, ${p.default}.`,
  },
  presets: {
    vanishing: "Discriminador forte",
    stagnation: "Estagnação",
    imbalance: "Desequilíbrio",
    instability: "Instabilidade",
    mode_collapse: "Colapso de modos",
    non_saturating: "Perda não saturante",
    small_d: "D menor",
    input_noise: "Ruído na entrada",
    dropout: "Dropout",
    batch_norm: "Normalização em lote",
    spectral_norm: "Normalização espectral",
    leaky_relu: "Leaky ReLU",
    elu: "ELU",
    wasserstein: "Recorte de pesos",
    gradient_penalty: "Penalidade de gradiente",
    rmsprop: "RMSProp",
    adam_vs_sgd: "SGD (compare com Adam)",
    label_smoothing: "Suavização de rótulos",
  },
  divergedShort: (step) => `divergiu no passo ${step}`,
  samplesSummary: (n, mean, sd) => `${n} amostras do gerador; a primeira ` +
    `coordenada tem média ${mean} e desvio padrão ${sd}.`,
  costLine: (width, points) => `Largura ${width} (lote: ms): ${points}.`,
  nothing: "nenhum",
  noFigure: (id, fallback) => `Não existe a figura “${id}”; mostrando ` +
    `“${fallback}” no lugar.`,
  copyLink: "Copiar link",
  copied: "Link copiado para a área de transferência.",
  copyThis: "Copie este link:",
  downloadCsv: "Dados (CSV)",
  exportPng: "Imagem (PNG)",
  fullArticle: "Abrir no artigo completo",
  embedTitle: (caption) => `Figura interativa: ${caption}`,
  divergedMark: "× marca onde uma execução divergiu.",
  deviceLost: (why) => `O dispositivo WebGPU foi perdido (${why}).`,
  stalled: (seconds) => `O WebGPU não responde há ${seconds} s.`,
  reducedMotion: "Pausado, pois seu sistema pede menos movimento: " +
    "pressione Executar para treinar.",
  moduleFailedEmbed: "Esta figura não conseguiu carregar seu módulo (o " +
    "arquivo .wasm). Recarregue a página; se acontecer de novo, abra o " +
    "artigo completo ou use um navegador com WebAssembly ativado.",
  chartSummary: {
    sigmoid: (flat) => "σ(h) sobe de quase 0 a quase 1 quando h vai de −12 " +
      "a 12; sua inclinação σ′(h) atinge o máximo 0,25 em h = 0 e fica " +
      `abaixo de 0,001 onde |h| > ${flat}.`,
    costs: (h, mm, ns) => "Três custos do gerador em função do logit h. No " +
      `h = ${h} marcado, a inclinação minimax é ${mm} e a não saturante ` +
      `${ns}.`,
    optimal: (mean, js, value) => "A densidade dos dados, a do gerador " +
      `(média ${mean}) e o discriminador ótimo D*. Aqui JS = ${js} e ` +
      `V(G, D*) = ${value}.`,
    cost: (n) => `Milissegundos por passo de treinamento para ${n} ` +
      "combinações medidas de lote e largura.",
  },
  memory: {
    params: "parâmetros p + q",
    adam: "estado do Adam (2 por parâmetro)",
    activations: "ativações guardadas para a passagem reversa (lote 256)",
    total: "total",
  },
});
