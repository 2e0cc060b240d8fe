//! Section 10: milliseconds per training step against batch size, one line per width, on
//! log–log axes (a slope of 1 is time proportional to the batch).

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::palette::Theme;
use super::{draw_legend, drawing_error, style_mesh};

const COLOURS: [RGBColor; 4] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
];

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StepTimeSeries {
    pub width: usize,
    /// (batch size, milliseconds per step).
    pub points: Vec<(f64, f64)>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct StepTimeChart {
    pub series: Vec<StepTimeSeries>,
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &StepTimeChart,
    theme: Theme,
) -> Result<(), String> {
    area.fill(&theme.background).map_err(drawing_error)?;

    let values = data
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1));
    let finite: Vec<f64> = values.filter(|v| v.is_finite() && *v > 0.0).collect();
    let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = finite.iter().copied().fold(0.0f64, f64::max);
    let (y_lo, y_hi) = if finite.is_empty() {
        (0.1, 100.0)
    } else {
        (
            10f64.powf(lo.log10().floor()),
            10f64.powf(hi.log10().ceil()).max(lo * 10.0),
        )
    };

    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .margin_right(28)
        .x_label_area_size(34)
        .y_label_area_size(56)
        .build_cartesian_2d((16f64..2048.0).log_scale(), (y_lo..y_hi).log_scale())
        .map_err(drawing_error)?;
    style_mesh(&mut chart.configure_mesh(), theme, 11)
        .x_desc(theme.language.pick("batch size n", "tamanho do lote n"))
        .y_desc(theme.language.pick("ms per step", "ms por passo"))
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.2}"))
        .draw()
        .map_err(drawing_error)?;

    for (i, series) in data.series.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let points: Vec<(f64, f64)> = series
            .points
            .iter()
            .copied()
            .filter(|p| p.1 > 0.0)
            .collect();
        chart
            .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))
            .map_err(drawing_error)?
            .label(format!(
                "{} {}",
                theme.language.pick("width", "largura"),
                series.width
            ))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 14, y)], colour.stroke_width(2))
            });
        chart
            .draw_series(
                points
                    .into_iter()
                    .map(|p| Circle::new(p, 3, colour.filled())),
            )
            .map_err(drawing_error)?;
    }
    if !data.series.is_empty() {
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft, theme, 11)?;
    }
    area.present().map_err(drawing_error)
}
