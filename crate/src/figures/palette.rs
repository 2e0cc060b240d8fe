//! One colour and one name per generator loss, the same on every chart and legend; the
//! charts' colours for light and dark pages, and the language of their words.

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

/// The language a chart's words are in: the article's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    #[default]
    English,
    Portuguese,
}

impl Language {
    /// "pt" or "pt-BR" → Portuguese; anything else → English.
    pub fn from_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("pt") {
            Self::Portuguese
        } else {
            Self::English
        }
    }

    /// The English or the Portuguese of a label.
    pub fn pick(self, english: &'static str, portuguese: &'static str) -> &'static str {
        match self {
            Self::English => english,
            Self::Portuguese => portuguese,
        }
    }
}

/// A loss's name on a legend.
pub fn loss_label(loss: GeneratorLoss, language: Language) -> &'static str {
    match loss {
        GeneratorLoss::NonSaturating => language.pick("non-saturating", "não saturante"),
        GeneratorLoss::LeastSquares => language.pick("least squares", "mínimos quadrados"),
        GeneratorLoss::Wasserstein => language.pick("Wasserstein (clip)", "Wasserstein (recorte)"),
        other => other.label(),
    }
}

/// Ink and paper of a chart, so that the page's dark mode can draw light on dark, and the
/// language its words are in.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub grid: RGBColor,
    pub language: Language,
}

impl Theme {
    pub fn light() -> Self {
        Self {
            background: RGBColor(255, 255, 255),
            ink: RGBColor(30, 30, 30),
            grid: RGBColor(225, 225, 225),
            language: Language::English,
        }
    }

    pub fn dark() -> Self {
        Self {
            background: RGBColor(24, 24, 27),
            ink: RGBColor(230, 230, 230),
            grid: RGBColor(60, 60, 66),
            language: Language::English,
        }
    }

    pub fn in_language(self, language: Language) -> Self {
        Self { language, ..self }
    }
}
