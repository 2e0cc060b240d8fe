//! σ(h) and σ′(h) against the logit h, with the region where σ′ < 1e−3 shaded: there a
//! sigmoid passes almost no gradient back.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::palette::Theme;
use super::{draw_legend, drawing_error, style_mesh};
use crate::maths::{sigmoid, sigmoid_prime};

pub const H_RANGE: f64 = 12.0;
/// Where σ′ falls below this, the chart shades the axis.
pub const FLAT_THRESHOLD: f64 = 1e-3;

/// |h| beyond which σ′(h) < FLAT_THRESHOLD, found by bisection on the monotone tail.
pub fn flat_beyond() -> f64 {
    let (mut lo, mut hi) = (0.0f64, 50.0f64);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if sigmoid_prime(mid) < FLAT_THRESHOLD {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    h: f64,
    theme: Theme,
) -> Result<(), String> {
    area.fill(&theme.background).map_err(drawing_error)?;
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(34)
        .y_label_area_size(44)
        .build_cartesian_2d(-H_RANGE..H_RANGE, 0f64..1.05)
        .map_err(drawing_error)?;
    style_mesh(&mut chart.configure_mesh(), theme, 12)
        .x_desc("logit h")
        .draw()
        .map_err(drawing_error)?;

    let edge = flat_beyond();
    let shade = theme.ink.mix(0.1).filled();
    chart
        .draw_series([
            Rectangle::new([(-H_RANGE, 0.0), (-edge, 1.05)], shade),
            Rectangle::new([(edge, 0.0), (H_RANGE, 1.05)], shade),
        ])
        .map_err(drawing_error)?
        .label("σ′(h) < 10⁻³")
        .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], shade));

    let xs = (0..=600).map(|i| -H_RANGE + 2.0 * H_RANGE * i as f64 / 600.0);
    let sigma_colour = RGBColor(0, 114, 178);
    let prime_colour = RGBColor(213, 94, 0);
    chart
        .draw_series(LineSeries::new(
            xs.clone().map(|x| (x, sigmoid(x))),
            sigma_colour.stroke_width(2),
        ))
        .map_err(drawing_error)?
        .label("σ(h)")
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], sigma_colour.stroke_width(2))
        });
    chart
        .draw_series(LineSeries::new(
            xs.map(|x| (x, sigmoid_prime(x))),
            prime_colour.stroke_width(2),
        ))
        .map_err(drawing_error)?
        .label("σ′(h) = σ(h)(1 − σ(h))")
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], prime_colour.stroke_width(2))
        });

    // The reader's logit.
    let h = h.clamp(-H_RANGE, H_RANGE);
    chart
        .draw_series(LineSeries::new(
            [(h, 0.0), (h, 1.05)],
            theme.ink.mix(0.6).stroke_width(1),
        ))
        .map_err(drawing_error)?;
    chart
        .draw_series([
            Circle::new((h, sigmoid(h)), 5, sigma_colour.filled()),
            Circle::new((h, sigmoid_prime(h)), 5, prime_colour.filled()),
        ])
        .map_err(drawing_error)?;

    draw_legend(&mut chart, SeriesLabelPosition::UpperLeft, theme, 12)?;
    area.present().map_err(drawing_error)
}
