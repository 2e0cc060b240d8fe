//! The optimal discriminator for two 1-D Gaussians (left): p_data = N(0, 1), p_g = N(μ, 1) and
//! D*(x) = p_data / (p_data + p_g). Right: as μ grows, JS(p_data ‖ p_g) flattens at log 2 while
//! the Wasserstein-1 distance keeps growing (log-free, linear in μ).

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

use super::palette::Theme;
use super::{draw_legend, drawing_error, style_mesh};
use crate::maths::{
    jensen_shannon, kl_divergence, optimal_discriminator, value_at_optimal_discriminator,
    wasserstein_1, Gaussian,
};

/// The generator's mean runs over [0, MAX_MEAN].
pub const MAX_MEAN: f64 = 10.0;
const DATA: RGBColor = RGBColor(30, 30, 30);
const GENERATOR: RGBColor = RGBColor(213, 94, 0);
const OPTIMAL_D: RGBColor = RGBColor(0, 114, 178);
const W1: RGBColor = RGBColor(0, 158, 115);

pub fn data() -> Gaussian {
    Gaussian::new(0.0, 1.0)
}

pub fn generator(mean: f64) -> Gaussian {
    Gaussian::new(mean, 1.0)
}

/// The numbers the figure prints beside the chart.
#[derive(Clone, Debug, Serialize)]
pub struct OptimalReadout {
    pub mean: f64,
    /// V(G, D*) by quadrature of its definition.
    pub value: f64,
    pub js: f64,
    /// −log 4 + 2·JS, computed from JS by a separate route.
    pub identity: f64,
    pub w1: f64,
    pub kl_data_g: f64,
    pub kl_g_data: f64,
    /// Cross-entropy H(p_data, p_g) = H(p_data) + KL(p_data ‖ p_g).
    pub cross_entropy: f64,
    pub entropy_data: f64,
}

pub fn readout(mean: f64) -> OptimalReadout {
    let (p, q) = (data(), generator(mean));
    let js = jensen_shannon(p, q);
    let kl = kl_divergence(p, q);
    OptimalReadout {
        mean,
        value: value_at_optimal_discriminator(p, q),
        js,
        identity: -(4.0f64).ln() + 2.0 * js,
        w1: wasserstein_1(p, q),
        kl_data_g: kl,
        kl_g_data: kl_divergence(q, p),
        cross_entropy: p.entropy() + kl,
        entropy_data: p.entropy(),
    }
}

/// JS against μ, computed once per page: it does not depend on the slider.
fn js_curve() -> &'static [(f64, f64)] {
    static CURVE: std::sync::OnceLock<Vec<(f64, f64)>> = std::sync::OnceLock::new();
    CURVE.get_or_init(|| {
        (0..=50)
            .map(|i| MAX_MEAN * i as f64 / 50.0)
            .map(|m| (m, jensen_shannon(data(), generator(m))))
            .collect()
    })
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mean: f64,
    theme: Theme,
) -> Result<(), String> {
    area.fill(&theme.background).map_err(drawing_error)?;
    let (left, right) = area.split_horizontally(area.dim_in_pixel().0 * 11 / 20);
    let text = |size: u32| ("sans-serif", size).into_font().color(&theme.ink);
    let data_colour = if theme.background.0 < 128 {
        theme.ink
    } else {
        DATA
    };
    let (p, q) = (data(), generator(mean));

    let mut chart = ChartBuilder::on(&left)
        .margin(10)
        .x_label_area_size(32)
        .y_label_area_size(58)
        .right_y_label_area_size(52)
        .build_cartesian_2d(-4f64..MAX_MEAN + 4.0, 0f64..0.45)
        .map_err(drawing_error)?
        .set_secondary_coord(-4f64..MAX_MEAN + 4.0, 0f64..1.05);
    style_mesh(&mut chart.configure_mesh(), theme, 11)
        .x_desc("x")
        .y_desc(theme.language.pick("density", "densidade"))
        .draw()
        .map_err(drawing_error)?;
    chart
        .configure_secondary_axes()
        .y_desc("D*(x)")
        .axis_desc_style(text(13))
        .label_style(text(11))
        .axis_style(theme.ink)
        .draw()
        .map_err(drawing_error)?;
    let xs = || (0..=500).map(|i| -4.0 + (MAX_MEAN + 8.0) * i as f64 / 500.0);
    chart
        .draw_series(LineSeries::new(
            xs().map(|x| (x, p.density(x))),
            data_colour.stroke_width(2),
        ))
        .map_err(drawing_error)?
        .label("p_data = N(0, 1)")
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 14, y)], data_colour.stroke_width(2))
        });
    chart
        .draw_series(LineSeries::new(
            xs().map(|x| (x, q.density(x))),
            GENERATOR.stroke_width(2),
        ))
        .map_err(drawing_error)?
        .label("p_g = N(μ, 1)")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 14, y)], GENERATOR.stroke_width(2)));
    chart
        .draw_secondary_series(LineSeries::new(
            xs().map(|x| (x, optimal_discriminator(p, q, x))),
            OPTIMAL_D.stroke_width(2),
        ))
        .map_err(drawing_error)?
        .label("D*(x)")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 14, y)], OPTIMAL_D.stroke_width(2)));
    draw_legend(&mut chart, SeriesLabelPosition::UpperRight, theme, 11)?;

    // Right: JS and W1 against μ.
    let mut chart = ChartBuilder::on(&right)
        .margin(10)
        .x_label_area_size(32)
        .y_label_area_size(52)
        .right_y_label_area_size(50)
        .build_cartesian_2d(0f64..MAX_MEAN, 0f64..0.8)
        .map_err(drawing_error)?
        .set_secondary_coord(0f64..MAX_MEAN, 0f64..MAX_MEAN);
    chart
        .configure_mesh()
        .x_desc(
            theme
                .language
                .pick("generator mean μ", "média do gerador μ"),
        )
        .y_desc("JS (nats)")
        .axis_desc_style(text(13))
        .label_style(text(11))
        .axis_style(theme.ink)
        .light_line_style(theme.grid.mix(0.4))
        .bold_line_style(theme.grid)
        .draw()
        .map_err(drawing_error)?;
    chart
        .configure_secondary_axes()
        .y_desc("W1")
        .axis_desc_style(text(13))
        .label_style(text(11))
        .axis_style(theme.ink)
        .draw()
        .map_err(drawing_error)?;
    let ln2 = std::f64::consts::LN_2;
    chart
        .draw_series(DashedLineSeries::new(
            [(0.0, ln2), (MAX_MEAN, ln2)],
            6,
            4,
            theme.ink.mix(0.6).stroke_width(1),
        ))
        .map_err(drawing_error)?
        .label("log 2")
        .legend(move |(x, y)| {
            PathElement::new(
                vec![(x, y), (x + 14, y)],
                theme.ink.mix(0.6).stroke_width(1),
            )
        });
    let means = || (0..=50).map(|i| MAX_MEAN * i as f64 / 50.0);
    chart
        .draw_series(LineSeries::new(
            js_curve().iter().copied(),
            OPTIMAL_D.stroke_width(2),
        ))
        .map_err(drawing_error)?
        .label("JS(p_data ‖ p_g)")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 14, y)], OPTIMAL_D.stroke_width(2)));
    chart
        .draw_secondary_series(LineSeries::new(
            means().map(|m| (m, wasserstein_1(p, generator(m)))),
            W1.stroke_width(2),
        ))
        .map_err(drawing_error)?
        .label("W1(p_data, p_g)")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 14, y)], W1.stroke_width(2)));
    let mean = mean.clamp(0.0, MAX_MEAN);
    chart
        .draw_series([Circle::new(
            (mean, jensen_shannon(p, q)),
            5,
            OPTIMAL_D.filled(),
        )])
        .map_err(drawing_error)?;
    chart
        .draw_secondary_series([Circle::new((mean, wasserstein_1(p, q)), 5, W1.filled())])
        .map_err(drawing_error)?;
    draw_legend(&mut chart, SeriesLabelPosition::LowerRight, theme, 11)?;

    area.present().map_err(drawing_error)
}
