// Which burn backend to train on, and why: WebGPU when the browser offers a
// hardware adapter, burn's CPU backend otherwise. A software adapter
// (SwiftShader, `isFallbackAdapter`) ran this GAN 300 to 800 times slower
// than the CPU backend in the same page, so it counts as no adapter unless
// the reader asks for it with ?backend=webgpu.

function adapterName(adapter) {
  const info = adapter.info || {};
  const parts = [info.vendor, info.architecture, info.description, info.device]
    .filter((part) => part);
  return parts.length ? parts.join(" ") : "unnamed adapter";
}

function isFallback(adapter) {
  const info = adapter.info || {};
  return Boolean(info.isFallbackAdapter || adapter.isFallbackAdapter);
}

// requested: "webgpu", "cpu" or "" (choose). Returns
// { backend: "webgpu" | "cpu", adapter: string, reason: code }, where the
// reason's code is turned into a sentence in the page's language (i18n.js).
export async function chooseBackend(requested) {
  if (requested === "cpu") {
    return { backend: "cpu", adapter: "", reason: "url" };
  }
  if (!self.navigator.gpu) {
    return { backend: "cpu", adapter: "",
      reason: "noGpu" };
  }
  let adapter = null;
  try {
    adapter = await self.navigator.gpu.requestAdapter();
  } catch (error) {
    adapter = null;
  }
  if (!adapter) {
    return { backend: "cpu", adapter: "",
      reason: "noAdapter" };
  }
  const name = adapterName(adapter);
  if (requested === "webgpu") {
    return { backend: "webgpu", adapter: name, reason: "url" };
  }
  if (isFallback(adapter)) {
    return { backend: "cpu", adapter: name, reason: "fallback" };
  }
  return { backend: "webgpu", adapter: name, reason: "hardware" };
}
