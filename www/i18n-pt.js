// Brazilian Portuguese (pt-BR) strings for the sentences JavaScript writes.
import { registerStrings } from "./i18n.js";

registerStrings("pt", {
  loading: "Carregando o módulo…",
  ready: "Pronto.",
  moduleFailed: "O módulo de treinamento não carregou. Recarregue a página; " +
    "se isso acontecer de novo, talvez este navegador não suporte " +
    "WebAssembly.",
  starting: "Iniciando…",
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
    noBackend: () => "esta versão do módulo não tem backend WebGPU",
    noGpu: () => "este navegador não oferece WebGPU",
    noAdapter: () => "o navegador não encontrou um adaptador WebGPU",
    fallback: (adapter) => `o único adaptador WebGPU (${adapter}) é um ` +
      "substituto em software, centenas de vezes mais lento que a CPU " +
      "para este modelo",
    hardware: () => "há um adaptador WebGPU de hardware disponível",
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
  memory: {
    params: "parâmetros p + q",
    adam: "estado do Adam (2 por parâmetro)",
    activations: "ativações guardadas para a passagem reversa (lote 256)",
    total: "total",
  },
});
