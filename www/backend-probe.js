// Which backend trains a lab's settings faster here, measured: a worker
// times the CPU backend, then WebGPU, for a moment each (worker.js, probe).
// A software WebGPU adapter can be hundreds of times slower than the CPU for
// this small GAN, and a real GPU faster at large batches, so no fixed rule
// is right everywhere. The answer is kept for the tab (sessionStorage), so
// that the page's other labs and the next visit with the same model start
// at once.

// How long WebGPU may take to load, compile its shaders, warm up and be
// timed before the CPU is taken without it.
const WEBGPU_PATIENCE_MS = 6000;

const pending = new Map();

// What decides the speed: the model, the batch and how many losses train.
function keyOf(settings) {
  return "gan-gradients:probe:" + JSON.stringify([settings.target,
    settings.batch_size, settings.width, settings.d_width, settings.depth,
    settings.d_steps, settings.losses?.length]);
}

function remembered(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

function remember(key, result) {
  try {
    sessionStorage.setItem(key, JSON.stringify(result));
  } catch {
    // Storage may be off (a sandboxed frame): measure again next time.
  }
}

// Resolves to { backend, adapter, reason, measured: { cpu, webgpu } }, where
// a figure is steps per second, or null for a backend that failed or ran
// out of patience (then `slow` says how long it was given).
function measure(settings) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url),
      { type: "module" });
    const measured = { cpu: null, webgpu: null };
    let choice = { backend: "cpu", adapter: "", reason: "noGpu" };
    let timer = null;
    const finish = () => {
      clearTimeout(timer);
      worker.terminate();
      const webgpuFaster = measured.webgpu !== null &&
        (measured.cpu === null || measured.webgpu > measured.cpu);
      if (!choice.adapter) {
        resolve({ ...choice, measured: null });
      } else {
        resolve({ backend: webgpuFaster ? "webgpu" : "cpu",
          adapter: choice.adapter, reason: "measured", measured });
      }
    };
    worker.onmessage = ({ data }) => {
      if (data.type === "probe-start") {
        choice = data;
        if (!choice.adapter) finish();
      } else if (data.type === "probe") {
        measured[data.backend] = data.stepsPerSecond;
        if (data.backend === "webgpu") finish();
        else {
          timer = setTimeout(() => {
            measured.slow = WEBGPU_PATIENCE_MS / 1000;
            finish();
          }, WEBGPU_PATIENCE_MS);
        }
      } else if (data.type === "error") {
        finish();
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
    };
    worker.postMessage({ type: "probe", settings });
  });
}

export function probeBackends(settings) {
  const key = keyOf(settings);
  const known = remembered(key);
  if (known) return Promise.resolve(known);
  if (!pending.has(key)) {
    pending.set(key, measure(settings).then((result) => {
      // A result without WebGPU's figure because of a failure is not kept:
      // the next lab tries again.
      if (!result.measured || result.measured.webgpu !== null ||
          result.measured.slow) {
        remember(key, result);
      }
      pending.delete(key);
      return result;
    }));
  }
  return pending.get(key);
}
