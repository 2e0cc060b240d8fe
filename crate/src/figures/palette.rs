//! One colour per generator loss, the same on every chart and legend.

use plotters::style::RGBColor;

use crate::losses::GeneratorLoss;

/// Colours from the Okabe–Ito palette, readable with the common colour-vision deficiencies.
pub fn loss_colour(loss: GeneratorLoss) -> RGBColor {
    match loss {
        GeneratorLoss::Minimax => RGBColor(213, 94, 0),
        GeneratorLoss::NonSaturating => RGBColor(0, 114, 178),
        GeneratorLoss::LeastSquares => RGBColor(0, 158, 115),
        GeneratorLoss::Wasserstein => RGBColor(204, 121, 167),
        GeneratorLoss::GradientPenalty => RGBColor(86, 180, 233),
        GeneratorLoss::Hinge => RGBColor(230, 159, 0),
    }
}

/// Ink and paper of a chart, so that the page's dark mode can draw light on dark.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub grid: RGBColor,
}

impl Theme {
    pub fn light() -> Self {
        Self {
            background: RGBColor(255, 255, 255),
            ink: RGBColor(30, 30, 30),
            grid: RGBColor(225, 225, 225),
        }
    }

    pub fn dark() -> Self {
        Self {
            background: RGBColor(24, 24, 27),
            ink: RGBColor(230, 230, 230),
            grid: RGBColor(60, 60, 66),
        }
    }
}
