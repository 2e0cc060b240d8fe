//! Figures: each file draws one chart from plain data onto any plotters backend. Drawing code
//! never trains; the web surface hands it numbers and a canvas.

pub mod costs_chart;
pub mod gradient_chart;
pub mod optimal_chart;
pub mod palette;
pub mod samples_chart;
pub mod sigmoid_chart;
pub mod step_time_chart;

use plotters::chart::{ChartContext, SeriesLabelPosition};
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
