// Counts the GPU work an implementation issues: WebGPU compute dispatches and
// queue submissions, and WebGL draw calls. The counters wrap the prototypes,
// so they must be installed before any library loads: every device and
// context created afterwards is then counted, whoever created it.
export const counts = { dispatches: 0, submits: 0, draws: 0 };

function wrap(prototype, names, counter) {
  for (const name of names) {
    const original = prototype?.[name];
    if (typeof original !== "function") continue;
    prototype[name] = function (...args) {
      counts[counter] += 1;
      return original.apply(this, args);
    };
  }
}

export function installCounters() {
  wrap(globalThis.GPUComputePassEncoder?.prototype,
    ["dispatchWorkgroups", "dispatchWorkgroupsIndirect"], "dispatches");
  wrap(globalThis.GPUQueue?.prototype, ["submit"], "submits");
  wrap(globalThis.WebGL2RenderingContext?.prototype,
    ["drawArrays", "drawElements"], "draws");
}

export function resetCounts() {
  for (const key of Object.keys(counts)) counts[key] = 0;
}
