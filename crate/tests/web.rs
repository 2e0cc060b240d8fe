//! In a real browser (`wasm-pack test --headless --chrome`): training on burn's CPU backend
//! compiled to wasm, on WebGPU where the browser offers an adapter, the two backends agreeing
//! on one step, and the gradient chart really drawing onto a canvas.
#![cfg(target_family = "wasm")]

use burn::tensor::Device;
use gan_gradients::figures::gradient_chart::{self, GradientChart, GradientSeries};
use gan_gradients::figures::palette::{loss_colour, Theme};
use gan_gradients::losses::GeneratorLoss;
use gan_gradients::training::{Comparison, StepMetrics, TrainConfig};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Set at build time by the test command where the browser is known to offer WebGPU
/// (headless Chromium with `--enable-unsafe-webgpu`), so that a missing adapter fails there
/// instead of skipping the cross-backend check.
const REQUIRE_WEBGPU: Option<&str> = option_env!("GAN_GRADIENTS_REQUIRE_WEBGPU");

async fn train(device: &Device, losses: &[GeneratorLoss], steps: usize) -> Vec<Vec<StepMetrics>> {
    // The library's start function does not run in a test binary; cubecl's kernels need the
    // static constructors it calls.
    gan_gradients::web::initialise();
    let config = TrainConfig::new()
        .with_batch_size(64)
        .with_seed(21)
        .with_d_steps(2);
    let mut comparison = Comparison::new(losses, &config, device);
    comparison.run(steps);
    comparison.read_metrics().await.expect("metrics read back")
}

fn assert_finite(metrics: &[Vec<StepMetrics>]) {
    for steps in metrics {
        for m in steps {
            for v in [m.grad_norm, m.loss_g, m.loss_d, m.d_fake] {
                assert!(v.is_finite(), "{m:?}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn trains_on_the_cpu_backend() {
    let metrics = train(&Device::flex().autodiff(), &GeneratorLoss::ALL, 5).await;
    assert_eq!(metrics.len(), GeneratorLoss::ALL.len());
    assert!(metrics.iter().all(|m| m.len() == 5));
    assert_finite(&metrics);
}

/// burn's WebGPU device, if the browser offers an adapter (asked through `navigator.gpu`
/// directly: web-sys's WebGPU bindings are behind an unstable cfg).
async fn webgpu_device() -> Option<Device> {
    use js_sys::{Function, Promise, Reflect};
    gan_gradients::web::initialise();
    let navigator = web_sys::window()?.navigator();
    let gpu = Reflect::get(&navigator, &"gpu".into())
        .ok()
        .filter(|g| !g.is_undefined())?;
    let request: Function = Reflect::get(&gpu, &"requestAdapter".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: Promise = request.call0(&gpu).ok()?.dyn_into().ok()?;
    let adapter = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    if adapter.is_null() || adapter.is_undefined() {
        return None;
    }
    Some(
        Device::wgpu_options()
            .init_async()
            .await
            .expect("burn's wgpu runtime starts")
            .autodiff(),
    )
}

/// |a − b| ≤ 1e−4 · max(|a|, |b|), with a floor for values that are zero on both sides.
fn assert_relative(what: &str, cpu: f32, gpu: f32) {
    let scale = cpu.abs().max(gpu.abs()).max(1e-6);
    assert!(
        (cpu - gpu).abs() <= 1e-4 * scale,
        "{what}: cpu {cpu}, webgpu {gpu}"
    );
}

#[wasm_bindgen_test]
async fn webgpu_trains_and_agrees_with_the_cpu_on_one_step() {
    let Some(gpu) = webgpu_device().await else {
        assert!(
            REQUIRE_WEBGPU.is_none(),
            "this browser was expected to offer a WebGPU adapter"
        );
        web_sys::console::warn_1(&"no WebGPU adapter: the cross-backend check did not run".into());
        return;
    };
    let losses = [
        GeneratorLoss::Minimax,
        GeneratorLoss::NonSaturating,
        GeneratorLoss::GradientPenalty,
    ];
    let on_gpu = train(&gpu, &losses, 1).await;
    let on_cpu = train(&Device::flex().autodiff(), &losses, 1).await;
    assert_finite(&on_gpu);
    for ((loss, cpu), gpu) in losses.iter().zip(&on_cpu).zip(&on_gpu) {
        let (c, g) = (&cpu[0], &gpu[0]);
        let id = loss.id();
        assert_relative(&format!("{id} loss_g"), c.loss_g, g.loss_g);
        assert_relative(&format!("{id} loss_d"), c.loss_d, g.loss_d);
        assert_relative(&format!("{id} D(G(z))"), c.d_fake, g.d_fake);
        assert_relative(&format!("{id} grad_norm"), c.grad_norm, g.grad_norm);
        for (i, (lc, lg)) in c
            .layer_grad_norms
            .iter()
            .zip(&g.layer_grad_norms)
            .enumerate()
        {
            assert_relative(&format!("{id} layer {i} grad_norm"), *lc, *lg);
        }
    }
}

fn canvas(width: u32, height: u32) -> web_sys::HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// Pixels of the canvas's interior within 30 per channel of `colour`.
fn pixels_of(canvas: &web_sys::HtmlCanvasElement, colour: plotters::style::RGBColor) -> usize {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let (w, h) = (canvas.width() as f64, canvas.height() as f64);
    let data = context
        .get_image_data(90.0, 20.0, w - 110.0, h - 80.0)
        .unwrap()
        .data();
    data.chunks(4)
        .filter(|p| {
            (p[0] as i32 - colour.0 as i32).abs() < 30
                && (p[1] as i32 - colour.1 as i32).abs() < 30
                && (p[2] as i32 - colour.2 as i32).abs() < 30
        })
        .count()
}

#[wasm_bindgen_test]
async fn the_gradient_chart_draws_each_series() {
    let metrics = train(
        &Device::flex().autodiff(),
        &[GeneratorLoss::Minimax, GeneratorLoss::Hinge],
        30,
    )
    .await;
    let series = [GeneratorLoss::Minimax, GeneratorLoss::Hinge]
        .iter()
        .zip(&metrics)
        .map(|(&loss, steps)| GradientSeries {
            loss,
            points: steps
                .iter()
                .map(|m| (m.step as f64, m.grad_norm as f64))
                .collect(),
            diverged_at: None,
        })
        .collect();
    let chart = GradientChart {
        series,
        head_start: 0.0,
    };

    let element = canvas(640, 360);
    let area = CanvasBackend::with_canvas_object(element.clone())
        .unwrap()
        .into_drawing_area();
    gradient_chart::draw(&area, &chart, Theme::light()).expect("the chart draws");

    for loss in [GeneratorLoss::Minimax, GeneratorLoss::Hinge] {
        let count = pixels_of(&element, loss_colour(loss));
        assert!(
            count > 100,
            "{}: only {count} pixels of its colour",
            loss.id()
        );
    }
    // A loss that is not on the chart has (almost) no pixels of its colour.
    assert!(pixels_of(&element, loss_colour(GeneratorLoss::LeastSquares)) < 20);
}
