//! The central figure: the generator's gradient norm ‖∇θ loss_g‖ against step, one line per
//! loss, on a log scale (the minimax curve falls by orders of magnitude, which a linear axis
//! would flatten into the floor).

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::palette::{loss_colour, loss_label, Theme};
use super::{draw_legend, drawing_error, style_mesh};
use crate::losses::GeneratorLoss;

/// Norms below this are drawn on the floor of the axis (a norm of exactly 0 has no logarithm).
pub const NORM_FLOOR: f64 = 1e-12;

/// One loss's curve.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GradientSeries {
    pub loss: GeneratorLoss,
    /// (step, ‖∇θ loss_g‖) pairs in step order.
    pub points: Vec<(f64, f64)>,
    /// The step at which the run's metrics stopped being finite, if they did.
    pub diverged_at: Option<f64>,
}

/// Everything the chart shows.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GradientChart {
    pub series: Vec<GradientSeries>,
    /// Steps during which D trained alone (shaded).
    pub head_start: f64,
}

impl GradientChart {
    /// The smallest and largest finite norms, widened to whole decades.
    fn y_range(&self) -> (f64, f64) {
        let finite = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1))
            .filter(|v| v.is_finite() && *v > 0.0);
        let (lo, hi) = finite.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        if !lo.is_finite() {
            return (1e-4, 1e1);
        }
        let lo = 10f64.powf(lo.max(NORM_FLOOR).log10().floor());
        let hi = 10f64.powf(hi.log10().ceil()).max(lo * 10.0);
        (lo, hi)
    }

    fn x_max(&self) -> f64 {
        let last = self
            .series
            .iter()
            .filter_map(|s| s.points.last().map(|p| p.0));
        last.fold(self.head_start.max(10.0), f64::max)
    }
}

/// Draws the chart onto `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart_data: &GradientChart,
    theme: Theme,
) -> Result<(), String> {
    let (y_lo, y_hi) = chart_data.y_range();
    let x_max = chart_data.x_max();

    area.fill(&theme.background).map_err(drawing_error)?;

    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .margin_right(28)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..x_max, (y_lo..y_hi).log_scale())
        .map_err(drawing_error)?;

    style_mesh(&mut chart.configure_mesh(), theme, 12)
        .x_desc(theme.language.pick("step", "passo"))
        .y_desc("‖∇θ loss_g‖")
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0e}"))
        .draw()
        .map_err(drawing_error)?;

    if chart_data.head_start > 0.0 {
        // The head start: D trains alone, G's gradient is measured but not applied.
        let shade = theme.ink.mix(0.08).filled();
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(0.0, y_lo), (chart_data.head_start, y_hi)],
                shade,
            )))
            .map_err(drawing_error)?;
    }

    for series in &chart_data.series {
        let colour = loss_colour(series.loss);
        let points = series
            .points
            .iter()
            .filter(|p| p.1.is_finite())
            .map(|&(x, y)| (x, y.clamp(y_lo, y_hi)));
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(2)))
            .map_err(drawing_error)?
            .label(match series.diverged_at {
                // The legend says which run stopped, beside the cross on the curve.
                Some(step) => format!(
                    "{} {} {step}",
                    loss_label(series.loss, theme.language),
                    theme
                        .language
                        .pick("× diverged at step", "× divergiu no passo")
                ),
                None => loss_label(series.loss, theme.language).to_string(),
            })
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(3))
            });

        if let Some(step) = series.diverged_at {
            // A cross where the run stopped being finite.
            chart
                .draw_series(std::iter::once(Cross::new(
                    (step, y_hi),
                    7,
                    colour.stroke_width(3),
                )))
                .map_err(drawing_error)?;
        }
    }

    draw_legend(&mut chart, SeriesLabelPosition::LowerLeft, theme, 13)?;

    area.present().map_err(drawing_error)
}
