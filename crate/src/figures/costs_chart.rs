//! The three generator costs of Goodfellow's 2016 tutorial against D(G(z)) (left), and the
//! size of their slopes with respect to the logit (right, log scale): where D rejects the
//! fakes (D → 0, h ≪ 0) the minimax slope vanishes and the non-saturating one does not.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::palette::Theme;
use super::{draw_legend, drawing_error, style_mesh};
use crate::maths::{costs, sigmoid};

const MINIMAX: RGBColor = RGBColor(213, 94, 0);
const NON_SATURATING: RGBColor = RGBColor(0, 114, 178);
const MAXIMUM_LIKELIHOOD: RGBColor = RGBColor(0, 158, 115);

type Curve = (&'static str, RGBColor, fn(f64) -> f64);

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    h: f64,
    theme: Theme,
) -> Result<(), String> {
    area.fill(&theme.background).map_err(drawing_error)?;
    let (left, right) = area.split_horizontally(area.dim_in_pixel().0 / 2);

    // Left: J(G) against D, y clipped to [−10, 5] as in the tutorial's figure.
    let lang = theme.language;
    let costs_of_d: [Curve; 3] = [
        ("minimax ½·log(1 − D)", MINIMAX, costs::minimax),
        (
            lang.pick("non-saturating −½·log D", "não saturante −½·log D"),
            NON_SATURATING,
            costs::non_saturating,
        ),
        (
            lang.pick(
                "max. likelihood −½·D/(1 − D)",
                "máx. verossimilhança −½·D/(1 − D)",
            ),
            MAXIMUM_LIKELIHOOD,
            costs::maximum_likelihood,
        ),
    ];
    let mut chart = ChartBuilder::on(&left)
        .margin(10)
        .x_label_area_size(34)
        .y_label_area_size(54)
        .build_cartesian_2d(0f64..1.0, -10f64..5.0)
        .map_err(drawing_error)?;
    style_mesh(&mut chart.configure_mesh(), theme, 11)
        .x_desc("D(G(z))")
        .y_desc("J(G)")
        .draw()
        .map_err(drawing_error)?;
    for (label, colour, f) in costs_of_d {
        // Stay off D = 0 and D = 1, where two of the costs are infinite.
        let points = (1..1000)
            .map(|i| i as f64 / 1000.0)
            .map(|d| (d, f(d)))
            .filter(|p| (-10.0..=5.0).contains(&p.1));
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(2)))
            .map_err(drawing_error)?
            .label(label)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 14, y)], colour.stroke_width(2))
            });
    }
    let d = sigmoid(h);
    chart
        .draw_series(LineSeries::new(
            [(d, -10.0), (d, 5.0)],
            theme.ink.mix(0.5).stroke_width(1),
        ))
        .map_err(drawing_error)?;
    draw_legend(&mut chart, SeriesLabelPosition::LowerLeft, theme, 11)?;

    // Right: |dJ/dh| on a log scale.
    let slopes: [Curve; 3] = [
        ("minimax ½·σ(h)", MINIMAX, costs::minimax_slope),
        (
            lang.pick("non-saturating ½·(1 − σ(h))", "não saturante ½·(1 − σ(h))"),
            NON_SATURATING,
            costs::non_saturating_slope,
        ),
        (
            lang.pick("max. likelihood ½·e^h", "máx. verossimilhança ½·e^h"),
            MAXIMUM_LIKELIHOOD,
            costs::maximum_likelihood_slope,
        ),
    ];
    let mut chart = ChartBuilder::on(&right)
        .margin(10)
        .x_label_area_size(34)
        .y_label_area_size(64)
        .build_cartesian_2d(-10f64..10.0, (1e-5f64..1e2).log_scale())
        .map_err(drawing_error)?;
    style_mesh(&mut chart.configure_mesh(), theme, 11)
        .x_desc("logit h")
        .y_desc("|dJ/dh|")
        .y_label_formatter(&|v| format!("{v:.0e}"))
        .draw()
        .map_err(drawing_error)?;
    for (label, colour, f) in slopes {
        let points = (0..=400)
            .map(|i| -10.0 + 20.0 * i as f64 / 400.0)
            .map(|h| (h, f(h).abs()))
            .filter(|p| (1e-5..=1e2).contains(&p.1));
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(2)))
            .map_err(drawing_error)?
            .label(label)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 14, y)], colour.stroke_width(2))
            });
    }
    let h = h.clamp(-10.0, 10.0);
    chart
        .draw_series(LineSeries::new(
            [(h, 1e-5), (h, 1e2)],
            theme.ink.mix(0.5).stroke_width(1),
        ))
        .map_err(drawing_error)?;
    draw_legend(&mut chart, SeriesLabelPosition::LowerRight, theme, 11)?;

    area.present().map_err(drawing_error)
}
