//! Figures: each file draws one chart from plain data onto any plotters backend. Drawing code
//! never trains; the web surface hands it numbers and a canvas.

pub mod costs_chart;
pub mod gradient_chart;
pub mod optimal_chart;
pub mod palette;
pub mod samples_chart;
pub mod sigmoid_chart;
pub mod step_time_chart;
pub mod tables;

use plotters::chart::{ChartContext, MeshStyle, SeriesLabelPosition};
use plotters::coord::ranged1d::Ranged;
use plotters::coord::CoordTranslate;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::*;

use palette::Theme;

/// plotters' drawing errors as the one message type the web surface passes on.
pub(crate) fn drawing_error<E: std::error::Error + Send + Sync>(
    error: DrawingAreaErrorKind<E>,
) -> String {
    format!("drawing failed: {error}")
}

/// The legend box every chart draws: the series' labels at `position`, on a nearly opaque
/// background so that it stays readable over the data.
pub(crate) fn draw_legend<'a, DB: DrawingBackend + 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
    theme: Theme,
    font_size: u32,
) -> Result<(), String> {
    chart
        .configure_series_labels()
        .position(position)
        .background_style(theme.background.mix(0.9))
        .border_style(theme.grid)
        .label_font(("sans-serif", font_size).into_font().color(&theme.ink))
        .draw()
        .map_err(drawing_error)
}

/// The axes and grid every chart uses: tick labels at `font_size`, axis titles two points
/// larger, light and bold grid lines in the theme's grid colour.
pub(crate) fn style_mesh<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    theme: Theme,
    font_size: u32,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
    let text = |size: u32| ("sans-serif", size).into_font().color(&theme.ink);
    mesh.axis_desc_style(text(font_size + 2))
        .label_style(text(font_size))
        .axis_style(theme.ink)
        .light_line_style(theme.grid.mix(0.4))
        .bold_line_style(theme.grid)
}
