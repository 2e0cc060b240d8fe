//! Figures: each file draws one chart from plain data onto any plotters backend. Drawing code
//! never trains; the web surface hands it numbers and a canvas.

pub mod costs_chart;
pub mod gradient_chart;
pub mod optimal_chart;
pub mod palette;
pub mod samples_chart;
pub mod sigmoid_chart;
pub mod step_time_chart;

use plotters::drawing::DrawingAreaErrorKind;

/// plotters' drawing errors as the one message type the web surface passes on.
pub(crate) fn drawing_error<E: std::error::Error + Send + Sync>(
    error: DrawingAreaErrorKind<E>,
) -> String {
    format!("drawing failed: {error}")
}
