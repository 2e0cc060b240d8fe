//! What the generator makes, against what it should make, with D's verdict overlaid.
//!
//! 1-D targets: a histogram of generator samples (as a density), the target's density, and
//! D(x) on its own axis. 2-D targets: D(x) as a shaded background, the target's modes as
//! rings and the generator's samples as dots.

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::palette::{loss_colour, Theme};
use super::{draw_legend, drawing_error, style_mesh};
use crate::data::Target;
use crate::losses::GeneratorLoss;

/// Half-width of the window drawn around the origin.
pub const EXTENT: f64 = 3.5;

/// Everything the chart shows, for one loss's run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SamplesChart {
    pub loss: GeneratorLoss,
    pub target: Target,
    /// Generator samples, row-major `[n, dim]`.
    pub samples: Vec<f32>,
    /// D's output on [`grid`] (σ(h) for probability outputs, raw score otherwise).
    pub discriminator: Vec<f32>,
    /// Number of points per axis of the grid.
    pub grid_size: usize,
}

/// The points at which D is evaluated: `size` evenly spaced points over [−EXTENT, EXTENT] in
/// 1-D, a `size × size` grid (row-major, y outer) in 2-D; row-major `[n, dim]`.
pub fn grid(target: Target, size: usize) -> Vec<f32> {
    let coords: Vec<f32> = (0..size)
        .map(|i| (-EXTENT + 2.0 * EXTENT * i as f64 / (size.max(2) - 1) as f64) as f32)
        .collect();
    match target.dim() {
        1 => coords,
        _ => coords
            .iter()
            .flat_map(|&y| coords.iter().flat_map(move |&x| [x, y]))
            .collect(),
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &SamplesChart,
    theme: Theme,
) -> Result<(), String> {
    area.fill(&theme.background).map_err(drawing_error)?;
    match data.target.dim() {
        1 => draw_1d(area, data, theme),
        _ => draw_2d(area, data, theme),
    }?;
    area.present().map_err(drawing_error)
}

fn draw_1d<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &SamplesChart,
    theme: Theme,
) -> Result<(), String> {
    let text = |size: u32| ("sans-serif", size).into_font().color(&theme.ink);
    let colour = loss_colour(data.loss);

    // Histogram of the samples as a density, so it sits on the same axis as the target.
    let bins = 70usize;
    let width = 2.0 * EXTENT / bins as f64;
    let mut counts = vec![0usize; bins];
    for &x in &data.samples {
        let i = ((x as f64 + EXTENT) / width).floor();
        if i >= 0.0 && (i as usize) < bins {
            counts[i as usize] += 1;
        }
    }
    let n = data.samples.len().max(1) as f64;
    let density: Vec<f64> = counts.iter().map(|&c| c as f64 / (n * width)).collect();
    let target_curve: Vec<(f64, f64)> = (0..=400)
        .map(|i| {
            let x = -EXTENT + 2.0 * EXTENT * i as f64 / 400.0;
            (x, data.target.density_1d(x))
        })
        .collect();
    let y_max = target_curve
        .iter()
        .map(|p| p.1)
        .chain(density.iter().copied())
        .fold(0.0f64, f64::max)
        .max(0.1)
        * 1.1;

    let (d_lo, d_hi) = discriminator_range(data);

    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(62)
        .right_y_label_area_size(62)
        .build_cartesian_2d(-EXTENT..EXTENT, 0f64..y_max)
        .map_err(drawing_error)?
        .set_secondary_coord(-EXTENT..EXTENT, d_lo..d_hi);

    style_mesh(&mut chart.configure_mesh(), theme, 12)
        .x_desc("x")
        .y_desc(theme.language.pick("density", "densidade"))
        .draw()
        .map_err(drawing_error)?;
    chart
        .configure_secondary_axes()
        .y_desc(if data.loss.has_probability_output() {
            "D(x)"
        } else {
            theme.language.pick("critic h(x)", "crítico h(x)")
        })
        .axis_desc_style(text(14))
        .label_style(text(12))
        .axis_style(theme.ink)
        .draw()
        .map_err(drawing_error)?;

    chart
        .draw_series(density.iter().enumerate().map(|(i, &d)| {
            let x0 = -EXTENT + i as f64 * width;
            Rectangle::new([(x0, 0.0), (x0 + width, d)], colour.mix(0.45).filled())
        }))
        .map_err(drawing_error)?
        .label(
            theme
                .language
                .pick("generator samples", "amostras do gerador"),
        )
        .legend(move |(x, y)| {
            Rectangle::new([(x, y - 5), (x + 16, y + 5)], colour.mix(0.45).filled())
        });

    chart
        .draw_series(LineSeries::new(target_curve, theme.ink.stroke_width(2)))
        .map_err(drawing_error)?
        .label(theme.language.pick("target density", "densidade alvo"))
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], theme.ink.stroke_width(2))
        });

    let grid_x = grid(data.target, data.grid_size);
    let d_curve = grid_x
        .iter()
        .zip(&data.discriminator)
        .map(|(&x, &d)| (x as f64, d as f64));
    let d_colour = RGBColor(120, 120, 120);
    chart
        .draw_secondary_series(LineSeries::new(d_curve, d_colour.stroke_width(2)))
        .map_err(drawing_error)?
        .label(if data.loss.has_probability_output() {
            "D(x)"
        } else {
            theme.language.pick("critic h(x)", "crítico h(x)")
        })
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], d_colour.stroke_width(2))
        });

    draw_legend(&mut chart, SeriesLabelPosition::UpperRight, theme, 12)
}

/// [0, 1] for probabilities; the observed range of the critic's score otherwise.
fn discriminator_range(data: &SamplesChart) -> (f64, f64) {
    if data.loss.has_probability_output() {
        return (0.0, 1.0);
    }
    let finite = data
        .discriminator
        .iter()
        .map(|&v| v as f64)
        .filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() || hi - lo < 1e-6 {
        let mid = if lo.is_finite() { lo } else { 0.0 };
        return (mid - 1.0, mid + 1.0);
    }
    (lo, hi)
}

fn draw_2d<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &SamplesChart,
    theme: Theme,
) -> Result<(), String> {
    let text = |size: u32| ("sans-serif", size).into_font().color(&theme.ink);
    let colour = loss_colour(data.loss);

    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(40)
        .build_cartesian_2d(-EXTENT..EXTENT, -EXTENT..EXTENT)
        .map_err(drawing_error)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .label_style(text(12))
        .axis_style(theme.ink)
        .draw()
        .map_err(drawing_error)?;

    // D(x) as grey levels: darker where D says "real" (or the critic scores higher). Eight
    // levels, and each run of equal cells along a row is one rectangle: a canvas call per cell
    // made this chart the longest task on the page's main thread.
    let (d_lo, d_hi) = discriminator_range(data);
    let size = data.grid_size.max(2);
    let step = 2.0 * EXTENT / (size - 1) as f64;
    let level = |d: f32| {
        let t = ((d as f64 - d_lo) / (d_hi - d_lo)).clamp(0.0, 1.0);
        (t * 7.0).round() as u8
    };
    let runs = data
        .discriminator
        .chunks(size)
        .enumerate()
        .flat_map(|(row, cells)| {
            grey_runs(cells.iter().map(|&d| level(d))).map(move |run| (row, run))
        });
    chart
        .draw_series(runs.map(|(row, (first, count, level))| {
            let x = -EXTENT + first as f64 * step - step / 2.0;
            let y = -EXTENT + row as f64 * step - step / 2.0;
            let shade = theme.ink.mix(0.05 + 0.3 * level as f64 / 7.0).filled();
            Rectangle::new([(x, y), (x + count as f64 * step, y + step)], shade)
        }))
        .map_err(drawing_error)?;

    let target = data.target;
    chart
        .draw_series(
            target
                .centres()
                .into_iter()
                .map(|c| Circle::new((c[0], c[1]), 9, theme.ink.stroke_width(2))),
        )
        .map_err(drawing_error)?
        .label(theme.language.pick("target modes", "modos do alvo"))
        .legend(move |(x, y)| Circle::new((x + 8, y), 5, theme.ink.stroke_width(2)));

    chart
        .draw_series(
            data.samples
                .chunks(2)
                .map(|p| (p[0] as f64, p[1] as f64))
                // Points off the window would be drawn over the axes.
                .filter(|(x, y)| x.abs() < EXTENT && y.abs() < EXTENT)
                .map(|p| Circle::new(p, 2, colour.filled())),
        )
        .map_err(drawing_error)?
        .label(
            theme
                .language
                .pick("generator samples", "amostras do gerador"),
        )
        .legend(move |(x, y)| Circle::new((x + 8, y), 3, colour.filled()));

    draw_legend(&mut chart, SeriesLabelPosition::UpperRight, theme, 12)
}

/// Runs of equal values: `(first index, length, value)` for each maximal run, in order.
fn grey_runs(levels: impl Iterator<Item = u8>) -> impl Iterator<Item = (usize, usize, u8)> {
    let mut runs: Vec<(usize, usize, u8)> = Vec::new();
    for (i, level) in levels.enumerate() {
        match runs.last_mut() {
            Some((_, count, last)) if *last == level => *count += 1,
            _ => runs.push((i, 1, level)),
        }
    }
    runs.into_iter()
}

#[cfg(test)]
mod tests {
    use super::grey_runs;

    #[test]
    fn equal_neighbours_merge_into_runs() {
        let runs: Vec<_> = grey_runs([3, 3, 3, 0, 7, 7].into_iter()).collect();
        assert_eq!(runs, vec![(0, 3, 3), (3, 1, 0), (4, 2, 7)]);
        assert_eq!(grey_runs(std::iter::empty()).count(), 0);
    }
}
