//! The only `wasm_bindgen` surface: turns the page's calls into calls of the layers below, and
//! their errors into messages for the page.
//!
//! Training runs in a Web Worker that owns a [`Lab`]; the page's main thread loads the same
//! module only to draw charts (plotters draws through plotters-canvas onto the page's
//! canvases, which a worker cannot reach).

#[cfg(feature = "webgpu")]
use std::cell::RefCell;

use burn::tensor::Device;
use js_sys::Promise;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::HtmlCanvasElement;

use crate::figures::gradient_chart::{self, GradientChart};
use crate::figures::palette::{Language, Theme};
use crate::figures::samples_chart::{self, SamplesChart};
use crate::figures::step_time_chart::{self, StepTimeChart};
use crate::figures::{costs_chart, optimal_chart, sigmoid_chart};
use crate::maths::{costs, sigmoid, sigmoid_prime};
use crate::parameters::{Kind, Problem, Scope, PARAMETERS};
use crate::settings::RawSettings;
use crate::training::{read_f32, Comparison, PendingMetrics, TrainConfig};

unsafe extern "C" {
    /// Synthesised by the wasm linker: runs the static constructors (cubecl registers its
    /// kernels' IR dialects through `inventory`).
    fn __wasm_call_ctors();
}

/// Runs when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    initialise();
}

/// Runs the static constructors, once per instance, and installs the panic hook.
///
/// Calling the constructors explicitly is also what makes the linker treat the module as a
/// library ("reactor"): without any call to `__wasm_call_ctors` it wraps every export in one,
/// which made each call from JavaScript (and so every chart drawn) cost hundreds of
/// milliseconds. Test binaries, which do not run the library's start function, call this
/// themselves.
pub fn initialise() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: runs once per instance, before any code that needs the constructors'
        // registrations (cubecl's IR types, registered through `inventory`).
        unsafe { __wasm_call_ctors() };
        console_error_panic_hook::set_once();
    });
}

#[cfg(feature = "webgpu")]
thread_local! {
    /// burn's wgpu runtime can be initialised once per page (or worker); keep its device.
    static WEBGPU_DEVICE: RefCell<Option<Device>> = const { RefCell::new(None) };
}

/// The backend a lab runs on: "webgpu" (burn-wgpu, in the module built with it) or "cpu"
/// (burn's flex backend, in the CPU module); "ndarray" (burn's older CPU backend, in a module
/// built for the benchmark's comparison of the two) is never chosen by the page.
async fn device_for(backend: &str) -> Result<Device, String> {
    match backend {
        #[cfg(feature = "cpu")]
        "cpu" => Ok(Device::flex().autodiff()),
        #[cfg(feature = "ndarray")]
        "ndarray" => Ok(Device::ndarray().autodiff()),
        "webgpu" => webgpu_device().await.map(Device::autodiff),
        other => Err(format!("unknown backend \"{other}\"")),
    }
}

#[cfg(feature = "webgpu")]
async fn webgpu_device() -> Result<Device, String> {
    if let Some(device) = WEBGPU_DEVICE.with(|d| d.borrow().clone()) {
        return Ok(device);
    }
    let device = Device::wgpu_options()
        .init_async()
        .await
        .map_err(|e| format!("WebGPU could not start: {e}"))?;
    WEBGPU_DEVICE.with(|d| *d.borrow_mut() = Some(device.clone()));
    Ok(device)
}

#[cfg(not(feature = "webgpu"))]
async fn webgpu_device() -> Result<Device, String> {
    Err("this module was built without the WebGPU backend".into())
}

/// Whether this build carries the WebGPU backend.
#[wasm_bindgen]
pub fn has_webgpu_backend() -> bool {
    cfg!(feature = "webgpu")
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// Several generator losses trained side by side on one backend.
#[wasm_bindgen]
pub struct Lab {
    comparison: Comparison,
    problems: Vec<Problem>,
    backend: String,
}

#[wasm_bindgen]
impl Lab {
    /// A lab from the page's settings (an object of strings and numbers; anything invalid is
    /// replaced by its default and reported by [`Lab::problems`]) on "webgpu" or "cpu".
    pub async fn create(settings: JsValue, backend: String) -> Result<Lab, JsValue> {
        let raw: RawSettings = if settings.is_undefined() || settings.is_null() {
            RawSettings::default()
        } else {
            serde_wasm_bindgen::from_value(settings)
                .map_err(|e| JsValue::from_str(&format!("settings could not be read: {e}")))?
        };
        let (settings, problems) = raw.resolve();
        let device = device_for(&backend)
            .await
            .map_err(|e| JsValue::from_str(&e))?;
        Ok(Lab {
            comparison: Comparison::new(&settings.losses, &settings.config, &device),
            problems,
            backend,
        })
    }

    /// The settings that were replaced by their defaults: an array of `Problem` objects, which
    /// the page turns into sentences in its language.
    pub fn problems(&self) -> Result<JsValue, JsValue> {
        to_js(&self.problems)
    }

    pub fn backend(&self) -> String {
        self.backend.clone()
    }

    /// Identifiers of the losses, in the order of every per-loss array this lab returns.
    pub fn losses(&self) -> Vec<String> {
        self.comparison
            .trainers
            .iter()
            .map(|t| t.loss.id().to_string())
            .collect()
    }

    /// The run's settings after bounds, as an object.
    pub fn settings(&self) -> Result<JsValue, JsValue> {
        let config = self.comparison.trainers[0].config();
        to_js(&config_view(config))
    }

    /// Steps taken by the losses still training.
    pub fn steps(&self) -> usize {
        self.comparison.steps()
    }

    /// Stops loss `index` for good: its run diverged, the others go on.
    pub fn halt(&mut self, index: usize) {
        self.comparison.halt(index);
    }

    /// Queues `steps` steps of every loss (on WebGPU the work is submitted, not awaited).
    pub fn run(&mut self, steps: usize) {
        self.comparison.run(steps);
    }

    /// A promise of every loss's metrics since the last call: an array (one per loss) of
    /// arrays of `StepMetrics`, read back in one transfer.
    pub fn take_metrics(&mut self) -> Promise {
        let pending: Vec<PendingMetrics> = self
            .comparison
            .trainers
            .iter_mut()
            .map(|t| t.take_metrics())
            .collect();
        future_to_promise(async move {
            let metrics = PendingMetrics::read_many(pending)
                .await
                .map_err(|e| JsValue::from_str(&e))?;
            to_js(&metrics)
        })
    }

    /// A promise of one `SamplesChart` per loss: `n` generator samples and D on a grid of
    /// `grid_size` points per axis.
    pub fn snapshot(&self, n: usize, grid_size: usize) -> Promise {
        let target = self.comparison.trainers[0].config().target;
        let points = samples_chart::grid(target, grid_size);
        let tensors: Vec<_> = self
            .comparison
            .trainers
            .iter()
            .map(|t| (t.loss, t.snapshot(n, 0x5eed, points.clone())))
            .collect();
        future_to_promise(async move {
            let mut charts = Vec::with_capacity(tensors.len());
            for (loss, (samples, verdict)) in tensors {
                charts.push(SamplesChart {
                    loss,
                    target,
                    samples: read_f32(samples).await.map_err(|e| JsValue::from_str(&e))?,
                    discriminator: read_f32(verdict).await.map_err(|e| JsValue::from_str(&e))?,
                    grid_size,
                });
            }
            to_js(&charts)
        })
    }
}

/// The settings a reader can see, as plain values.
#[derive(Serialize)]
struct ConfigView {
    target: crate::data::Target,
    batch_size: usize,
    lr_g: f64,
    lr_d: f64,
    d_steps: usize,
    head_start: usize,
    optimizer: &'static str,
    seed: u64,
    generator_parameters: usize,
    discriminator_parameters: usize,
}

fn config_view(config: &TrainConfig) -> ConfigView {
    let (generator_parameters, discriminator_parameters) = crate::memory::parameter_counts(config);
    ConfigView {
        target: config.target,
        batch_size: config.batch_size,
        lr_g: config.lr_g,
        lr_d: config.lr_d,
        d_steps: config.d_steps,
        head_start: config.head_start,
        optimizer: config.optimizer.id(),
        seed: config.seed,
        generator_parameters,
        discriminator_parameters,
    }
}

/// The chart's colours for the page's colour scheme, and its words in the page's language
/// (`lang`: the page's `lang` attribute).
fn theme(dark: bool, lang: &str) -> Theme {
    let theme = if dark { Theme::dark() } else { Theme::light() };
    theme.in_language(Language::from_tag(lang))
}

/// Draws onto `canvas` with `draw`, turning a drawing error into a JavaScript error.
fn draw_on(
    canvas: HtmlCanvasElement,
    draw: impl FnOnce(
        &plotters::prelude::DrawingArea<CanvasBackend, plotters::coord::Shift>,
    ) -> Result<(), String>,
) -> Result<(), JsValue> {
    let backend = CanvasBackend::with_canvas_object(canvas)
        .ok_or_else(|| JsValue::from_str("the canvas has no 2-D context"))?;
    draw(&backend.into_drawing_area()).map_err(|e| JsValue::from_str(&e))
}

/// Draws the gradient-norm chart (a `GradientChart` object) onto `canvas`.
#[wasm_bindgen]
pub fn draw_gradient_chart(
    canvas: HtmlCanvasElement,
    data: JsValue,
    dark: bool,
    lang: &str,
) -> Result<(), JsValue> {
    let chart: GradientChart = serde_wasm_bindgen::from_value(data)?;
    draw_on(canvas, |area| {
        gradient_chart::draw(area, &chart, theme(dark, lang))
    })
}

/// Draws one loss's samples chart (a `SamplesChart` object) onto `canvas`.
#[wasm_bindgen]
pub fn draw_samples_chart(
    canvas: HtmlCanvasElement,
    data: JsValue,
    dark: bool,
    lang: &str,
) -> Result<(), JsValue> {
    let chart: SamplesChart = serde_wasm_bindgen::from_value(data)?;
    draw_on(canvas, |area| {
        samples_chart::draw(area, &chart, theme(dark, lang))
    })
}

/// Section 2: σ and σ′ with the reader's logit marked.
#[wasm_bindgen]
pub fn draw_sigmoid_chart(
    canvas: HtmlCanvasElement,
    h: f64,
    dark: bool,
    lang: &str,
) -> Result<(), JsValue> {
    draw_on(canvas, |area| {
        sigmoid_chart::draw(area, h, theme(dark, lang))
    })
}

#[derive(Serialize)]
struct SigmoidReadout {
    sigma: f64,
    sigma_prime: f64,
}

#[wasm_bindgen]
pub fn sigmoid_readout(h: f64) -> Result<JsValue, JsValue> {
    to_js(&SigmoidReadout {
        sigma: sigmoid(h),
        sigma_prime: sigmoid_prime(h),
    })
}

/// Section 3: every factor of the derivation at `h`, and burn's autodiff of the same.
#[cfg(feature = "cpu")]
#[wasm_bindgen]
pub fn derivation_readout(h: f64) -> Result<JsValue, JsValue> {
    to_js(&crate::derivation::readout(h))
}

/// Section 4: the three generator costs and their slopes.
#[wasm_bindgen]
pub fn draw_costs_chart(
    canvas: HtmlCanvasElement,
    h: f64,
    dark: bool,
    lang: &str,
) -> Result<(), JsValue> {
    draw_on(canvas, |area| costs_chart::draw(area, h, theme(dark, lang)))
}

#[derive(Serialize)]
struct CostsReadout {
    d: f64,
    minimax_slope: f64,
    non_saturating_slope: f64,
    maximum_likelihood_slope: f64,
}

#[wasm_bindgen]
pub fn costs_readout(h: f64) -> Result<JsValue, JsValue> {
    to_js(&CostsReadout {
        d: sigmoid(h),
        minimax_slope: costs::minimax_slope(h),
        non_saturating_slope: costs::non_saturating_slope(h),
        maximum_likelihood_slope: costs::maximum_likelihood_slope(h),
    })
}

/// Sections 8 and 9: V(G, D*), JS, W1, KL and cross-entropy for the generator mean `mean`.
#[wasm_bindgen]
pub fn optimal_readout(mean: f64) -> Result<JsValue, JsValue> {
    to_js(&optimal_chart::readout(mean))
}

#[wasm_bindgen]
pub fn draw_optimal_chart(
    canvas: HtmlCanvasElement,
    mean: f64,
    dark: bool,
    lang: &str,
) -> Result<(), JsValue> {
    draw_on(canvas, |area| {
        optimal_chart::draw(area, mean, theme(dark, lang))
    })
}

/// Section 10: measured step times.
#[wasm_bindgen]
pub fn draw_step_time_chart(
    canvas: HtmlCanvasElement,
    data: JsValue,
    dark: bool,
    lang: &str,
) -> Result<(), JsValue> {
    let chart: StepTimeChart = serde_wasm_bindgen::from_value(data)?;
    draw_on(canvas, |area| {
        step_time_chart::draw(area, &chart, theme(dark, lang))
    })
}

/// Section 10: memory of the reference GAN at `batch` with hidden layers of `width`.
#[wasm_bindgen]
pub fn memory_estimate(batch: usize, width: usize) -> Result<JsValue, JsValue> {
    let mut config = TrainConfig::new().with_batch_size(batch);
    config.generator.width = width;
    config.discriminator.width = width;
    to_js(&crate::memory::estimate(&config))
}

/// A number quoted in the article's prose, by name: `sigmoid`, `sigmoid_prime` (at `arg`),
/// `flat_beyond` (the |h| past which σ′ < 10⁻³). NaN for an unknown name.
#[wasm_bindgen]
pub fn article_number(name: &str, arg: f64) -> f64 {
    match name {
        "sigmoid" => sigmoid(arg),
        "sigmoid_prime" => sigmoid_prime(arg),
        "flat_beyond" => sigmoid_chart::flat_beyond(),
        _ => f64::NAN,
    }
}

/// Parses a query string (`location.search`, or an embed's): `{figure, figure_given, values:
/// [[key, value], …], problems: [Problem, …]}`. Every value is inside its bounds.
#[wasm_bindgen]
pub fn parse_query(query: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::parameters::parse_query(query))
}

/// Every preset's id, in the order the article offers them.
#[wasm_bindgen]
pub fn preset_ids() -> Vec<String> {
    crate::presets::IDS
        .iter()
        .map(|id| id.to_string())
        .collect()
}

/// Preset `id`'s complete settings (the lab controls' values), or null for an unknown id.
#[wasm_bindgen]
pub fn preset_settings(id: &str) -> Result<JsValue, JsValue> {
    match crate::presets::preset(id) {
        Some(settings) => to_js(&settings),
        None => Ok(JsValue::NULL),
    }
}

/// A parameter as the page sees it: for checking that each control carries the parser's
/// bounds, and for the README's list.
#[derive(Serialize)]
struct ParameterView {
    key: &'static str,
    /// "page", "labs", or the figures it applies to.
    figures: Vec<&'static str>,
    kind: &'static str,
    min: Option<f64>,
    max: Option<f64>,
    choices: Option<&'static [&'static str]>,
}

/// Every parameter the URL can carry, with its bounds.
#[wasm_bindgen]
pub fn parameter_table() -> Result<JsValue, JsValue> {
    let views: Vec<ParameterView> = PARAMETERS
        .iter()
        .map(|p| {
            let (min, max) = p.bounds().unzip();
            ParameterView {
                key: p.key,
                figures: match p.scope {
                    Scope::Page => vec!["page"],
                    Scope::Labs => vec!["labs"],
                    Scope::Figures(figures) => figures.to_vec(),
                },
                kind: match p.kind {
                    Kind::Whole { .. } => "whole",
                    Kind::Real { .. } => "real",
                    Kind::OneOf(_) => "one_of",
                    Kind::ListOf(_) => "list_of",
                    Kind::Switch => "switch",
                },
                min,
                max,
                choices: match p.kind {
                    Kind::OneOf(ids) | Kind::ListOf(ids) => Some(ids),
                    _ => None,
                },
            }
        })
        .collect();
    to_js(&views)
}

/// The data of a closed-form chart as CSV: "sigmoid", "costs" or "optimal" (at generator mean
/// `arg`).
#[wasm_bindgen]
pub fn chart_csv(figure: &str, arg: f64) -> Result<String, JsValue> {
    use crate::figures::tables;
    match figure {
        "sigmoid" => Ok(tables::sigmoid_table().to_csv()),
        "costs" => Ok(tables::costs_table().to_csv()),
        "optimal" => Ok(tables::optimal_table(arg).to_csv()),
        other => Err(JsValue::from_str(&format!("no table for \"{other}\""))),
    }
}

/// Any table the page holds (a lab's history, measured step times) as CSV: `columns`, an
/// array of names, and `rows`, an array of arrays of numbers and strings.
#[wasm_bindgen]
pub fn table_csv(table: JsValue) -> Result<String, JsValue> {
    let table: crate::figures::tables::Table = serde_wasm_bindgen::from_value(table)?;
    Ok(table.to_csv())
}
