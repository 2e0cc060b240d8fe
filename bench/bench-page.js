// The page side of the benchmark: run.mjs calls runCase() once per fresh
// page, and the case runs in a new module worker, as the project trains.

// Resolves with the worker's result, rejects with its error.
window.runCase = (job) => new Promise((resolve, reject) => {
  const worker = new Worker(new URL("./bench-worker.js", import.meta.url),
    { type: "module" });
  worker.onmessage = ({ data }) => {
    worker.terminate();
    if (data.ok) resolve(data.result);
    else reject(new Error(data.error));
  };
  // A worker that fails to load reports only an event, without a message.
  worker.onerror = (event) => {
    worker.terminate();
    reject(new Error(event.message || "the worker failed to load"));
  };
  worker.postMessage(job);
});

// What the browser says about its GPUs: the WebGPU adapter (null without
// one) and the WebGL 2 renderer (null without WebGL 2).
window.gpuInfo = async () => ({ webgpu: await webgpuAdapter(),
  webgl: webglRenderer() });

async function webgpuAdapter() {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return null;
  const { vendor, architecture, device, description } = adapter.info;
  return {
    vendor, architecture, device, description,
    // Moved from the adapter to its info in recent Chromium.
    isFallbackAdapter: adapter.info.isFallbackAdapter ??
      adapter.isFallbackAdapter ?? null,
  };
}

function webglRenderer() {
  const gl = new OffscreenCanvas(1, 1).getContext("webgl2");
  if (!gl) return null;
  const debug = gl.getExtension("WEBGL_debug_renderer_info");
  return gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
}
