//! Every parameter a URL, an embed's `src` or a lab's controls can carry, with its bounds, and
//! the parser of a query string. This is the one place where outside input is checked.
//!
//! A URL is untrusted: a teacher's typo, a truncated link or a hostile string. Parsing never
//! panics. A value that is malformed or out of bounds is left out of the result and reported
//! as a [`Problem`] naming the parameter, so that the page can say which default it used
//! instead; everything that is returned lies inside its bounds (the property test in
//! `tests/parameters.rs` checks both over random strings).

use serde::Serialize;

/// What values a parameter takes.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A whole number in `[min, max]`.
    Whole { min: u64, max: u64 },
    /// A finite real number in `[min, max]`.
    Real { min: f64, max: f64 },
    /// One identifier out of a list.
    OneOf(&'static [&'static str]),
    /// Any number of identifiers out of a list, separated by commas.
    ListOf(&'static [&'static str]),
    /// On or off.
    Switch,
}

/// Which figures a parameter applies to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scope {
    /// The page as a whole, whatever the figure.
    Page,
    /// The live labs (figures that train a GAN).
    Labs,
    /// Only the figures named.
    Figures(&'static [&'static str]),
}

/// A parameter: its name in URLs (the same as the lab control's `name`), what it takes and
/// where it applies.
#[derive(Clone, Copy, Debug)]
pub struct Parameter {
    pub key: &'static str,
    pub kind: Kind,
    pub scope: Scope,
}

/// The live figures, by the id a URL names them with (the article's element id without `fig-`).
pub const FIGURES: &[&str] = &[
    "sigmoid",
    "derivation",
    "costs",
    "vanishing",
    "implications",
    "remedies",
    "divergences",
    "optimal",
    "cost",
];

/// The figures that train a GAN.
pub const LABS: &[&str] = &["vanishing", "implications", "remedies"];

/// The figure an embed shows when its URL names none, or one that does not exist.
pub const DEFAULT_FIGURE: &str = "vanishing";

pub const LOSSES: &[&str] = &[
    "minimax",
    "non_saturating",
    "least_squares",
    "wasserstein",
    "gradient_penalty",
    "hinge",
];

/// Parts of a figure a URL can hide: whole groups, or one lab control by its name.
pub const HIDEABLE: &[&str] = &[
    "controls",
    "caption",
    "export",
    "link",
    "presets",
    "buttons",
    "settings",
    "samples",
    "summary",
    "backend",
    "losses",
    "head_start",
    "d_steps",
    "lr_g",
    "lr_d",
    "optimizer",
    "seed",
    "target",
    "modes",
    "batch_size",
    "width",
    "d_width",
    "depth",
    "activation",
    "input_noise",
    "dropout",
    "batch_norm",
    "spectral_norm",
    "label_smoothing",
];

const fn whole(key: &'static str, min: u64, max: u64) -> Parameter {
    Parameter {
        key,
        kind: Kind::Whole { min, max },
        scope: Scope::Labs,
    }
}

const fn real(key: &'static str, min: f64, max: f64) -> Parameter {
    Parameter {
        key,
        kind: Kind::Real { min, max },
        scope: Scope::Labs,
    }
}

const fn one_of(key: &'static str, ids: &'static [&'static str]) -> Parameter {
    Parameter {
        key,
        kind: Kind::OneOf(ids),
        scope: Scope::Labs,
    }
}

const fn switch(key: &'static str) -> Parameter {
    Parameter {
        key,
        kind: Kind::Switch,
        scope: Scope::Labs,
    }
}

const fn for_figures(
    key: &'static str,
    (min, max): (f64, f64),
    figures: &'static [&'static str],
) -> Parameter {
    Parameter {
        key,
        kind: Kind::Real { min, max },
        scope: Scope::Figures(figures),
    }
}

/// The most discriminator steps a head start may take: beyond this a lab would train for
/// minutes before drawing its first point.
pub const MAX_HEAD_START: u64 = 100_000;
pub const MAX_BATCH: u64 = 4096;
/// Learning rates: below 1e-6 nothing moves in a reader's patience; above 1 every run explodes.
pub const LEARNING_RATE: (f64, f64) = (1e-6, 1.0);

/// Every parameter the page knows. The lab controls and the sliders in the article carry the
/// same bounds (an end-to-end test compares them).
pub const PARAMETERS: &[Parameter] = &[
    Parameter {
        key: "figure",
        kind: Kind::OneOf(FIGURES),
        scope: Scope::Page,
    },
    Parameter {
        key: "lang",
        kind: Kind::OneOf(&["en", "pt"]),
        scope: Scope::Page,
    },
    Parameter {
        key: "backend",
        kind: Kind::OneOf(&["auto", "cpu", "webgpu"]),
        scope: Scope::Page,
    },
    Parameter {
        key: "hide",
        kind: Kind::ListOf(HIDEABLE),
        scope: Scope::Page,
    },
    one_of("preset", crate::presets::IDS),
    switch("play"),
    Parameter {
        key: "losses",
        kind: Kind::ListOf(LOSSES),
        scope: Scope::Labs,
    },
    whole("seed", 0, u32::MAX as u64),
    whole("head_start", 0, MAX_HEAD_START),
    whole("d_steps", 1, 20),
    real("lr_g", LEARNING_RATE.0, LEARNING_RATE.1),
    real("lr_d", LEARNING_RATE.0, LEARNING_RATE.1),
    one_of("optimizer", &["adam", "rmsprop", "sgd"]),
    one_of("target", &["mixture", "ring"]),
    whole("modes", 1, 8),
    whole("batch_size", 8, MAX_BATCH),
    whole("width", 4, 256),
    whole("d_width", 4, 256),
    whole("depth", 1, 4),
    one_of("activation", &["relu", "leaky_relu", "elu", "tanh"]),
    real("input_noise", 0.0, 2.0),
    real("dropout", 0.0, 0.9),
    switch("batch_norm"),
    switch("spectral_norm"),
    switch("label_smoothing"),
    for_figures("h", (-12.0, 12.0), &["sigmoid"]),
    for_figures("h", (-30.0, 30.0), &["derivation"]),
    for_figures("h", (-10.0, 10.0), &["costs"]),
    Parameter {
        key: "step",
        kind: Kind::Whole { min: 1, max: 5 },
        scope: Scope::Figures(&["derivation"]),
    },
    for_figures("mean", (0.0, 10.0), &["divergences", "optimal"]),
];

impl Parameter {
    /// Whether this parameter means something for `figure`.
    pub fn applies_to(&self, figure: &str) -> bool {
        match self.scope {
            Scope::Page => true,
            Scope::Labs => LABS.contains(&figure),
            Scope::Figures(figures) => figures.contains(&figure),
        }
    }

    /// Bounds of a numeric parameter, as reals.
    pub fn bounds(&self) -> Option<(f64, f64)> {
        match self.kind {
            Kind::Whole { min, max } => Some((min as f64, max as f64)),
            Kind::Real { min, max } => Some((min, max)),
            _ => None,
        }
    }
}

/// The parameter `key` for `figure`: the one whose scope covers it, else any of that name.
pub fn parameter(key: &str, figure: &str) -> Option<&'static Parameter> {
    let mut named = PARAMETERS.iter().filter(|p| p.key == key).peekable();
    let first = *named.peek()?;
    Some(named.find(|p| p.applies_to(figure)).unwrap_or(first))
}

/// A parameter's bounds for a lab (where every lab setting applies).
pub fn lab_bounds(key: &str) -> (f64, f64) {
    parameter(key, DEFAULT_FIGURE)
        .and_then(Parameter::bounds)
        .unwrap_or_else(|| panic!("{key} is not a numeric lab parameter"))
}

/// A valid value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(&'static str),
    List(Vec<&'static str>),
    Switch(bool),
}

/// Why a value was not used. The page turns each into a sentence in its own language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    UnknownParameter,
    NotForFigure,
    Repeated,
    NotANumber,
    NotWhole,
    OutOfRange,
    UnknownChoice,
    UnknownItem,
    EmptyList,
    NotASwitch,
}

/// A value that was not used, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub parameter: String,
    /// The value as given, shortened to [`SHOWN_CHARS`] characters for display.
    pub value: String,
    pub reason: Reason,
    /// Bounds of a numeric parameter.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The identifiers a choice or list takes.
    pub choices: Option<&'static [&'static str]>,
    /// The value used instead, where the parser knows it (the page fills it in otherwise: a
    /// figure's default depends on its preset).
    pub default: Option<String>,
}

/// At most this many characters of a bad value are repeated back to the reader.
pub const SHOWN_CHARS: usize = 40;

fn shown(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(SHOWN_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

impl Problem {
    pub fn new(parameter: &str, value: &str, reason: Reason) -> Self {
        Self {
            parameter: shown(parameter),
            value: shown(value),
            reason,
            min: None,
            max: None,
            choices: None,
            default: None,
        }
    }

    pub fn with_default(mut self, default: &str) -> Self {
        self.default = Some(default.to_string());
        self
    }

    fn about(parameter: &Parameter, value: &str, reason: Reason) -> Self {
        let mut problem = Self::new(parameter.key, value, reason);
        if let Some((min, max)) = parameter.bounds() {
            problem.min = Some(min);
            problem.max = Some(max);
        }
        if let Kind::OneOf(ids) | Kind::ListOf(ids) = parameter.kind {
            problem.choices = Some(ids);
        }
        problem
    }
}

/// An identifier as a reader may type it: any case, `-` or `_`, spaces around it.
fn find_id(ids: &'static [&'static str], given: &str) -> Option<&'static str> {
    let normal = given.trim().to_ascii_lowercase().replace('-', "_");
    ids.iter().copied().find(|id| *id == normal)
}

impl Parameter {
    /// The value `text` stands for, or a problem saying why it stands for none.
    pub fn parse(&self, text: &str) -> Result<Value, Box<Problem>> {
        let fail = |reason| Err(Box::new(Problem::about(self, text, reason)));
        match self.kind {
            Kind::Whole { .. } | Kind::Real { .. } => {
                let (min, max) = self.bounds().expect("numeric");
                let Ok(number) = text.trim().parse::<f64>() else {
                    return fail(Reason::NotANumber);
                };
                if number.is_nan() {
                    return fail(Reason::NotANumber);
                }
                if !(min..=max).contains(&number) {
                    return fail(Reason::OutOfRange);
                }
                if matches!(self.kind, Kind::Whole { .. }) && number.fract() != 0.0 {
                    return fail(Reason::NotWhole);
                }
                // -0 is 0: a seed of "-0" must not print as "-0" in a link.
                Ok(Value::Number(number + 0.0))
            }
            Kind::OneOf(ids) => match find_id(ids, text) {
                Some(id) => Ok(Value::Text(id)),
                None => fail(Reason::UnknownChoice),
            },
            Kind::Switch => match text.trim().to_ascii_lowercase().as_str() {
                "" | "1" | "true" | "on" | "yes" => Ok(Value::Switch(true)),
                "0" | "false" | "off" | "no" => Ok(Value::Switch(false)),
                _ => fail(Reason::NotASwitch),
            },
            Kind::ListOf(_) => unreachable!("lists are parsed by parse_list"),
        }
    }

    /// A comma-separated list: the known items, in order, each once, and a problem for every
    /// unknown item (and for a list left empty).
    fn parse_list(&self, text: &str, problems: &mut Vec<Problem>) -> Option<Value> {
        let Kind::ListOf(ids) = self.kind else {
            unreachable!("only lists")
        };
        let mut items = Vec::new();
        for item in text
            .split([',', ' '])
            .filter(|item| !item.trim().is_empty())
        {
            match find_id(ids, item) {
                Some(id) if !items.contains(&id) => items.push(id),
                Some(_) => {}
                None => problems.push(Problem::about(self, item, Reason::UnknownItem)),
            }
        }
        if items.is_empty() {
            problems.push(Problem::about(self, text, Reason::EmptyList));
            return None;
        }
        Some(Value::List(items))
    }
}

/// What a query string asks for: the figure, the valid values (each inside its bounds) and
/// the problems with the rest.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Query {
    /// The figure named by `figure`, or [`DEFAULT_FIGURE`].
    pub figure: &'static str,
    /// Whether the query named a figure that exists.
    pub figure_given: bool,
    /// Valid values, in the order given.
    pub values: Vec<(&'static str, Value)>,
    pub problems: Vec<Problem>,
}

impl Query {
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.values.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// Parses a query string (with or without its leading `?`; `+` and `%xx` decoded as in HTML
/// forms). Never panics, whatever the input.
pub fn parse_query(query: &str) -> Query {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();

    let mut result = Query {
        figure: DEFAULT_FIGURE,
        ..Query::default()
    };
    // The figure first: what the other parameters mean depends on it.
    if let Some((_, text)) = pairs.iter().find(|(key, _)| key == "figure") {
        let figure = parameter("figure", DEFAULT_FIGURE).expect("figure is a parameter");
        match figure.parse(text) {
            Ok(Value::Text(id)) => {
                result.figure = id;
                result.figure_given = true;
            }
            Ok(_) => unreachable!("a choice"),
            Err(problem) => result.problems.push(*problem),
        }
    }

    let mut seen: Vec<&str> = Vec::new();
    for (key, text) in &pairs {
        if key.is_empty() && text.is_empty() {
            continue;
        }
        let Some(parameter) = parameter(key, result.figure) else {
            result
                .problems
                .push(Problem::new(key, text, Reason::UnknownParameter));
            continue;
        };
        if seen.contains(&parameter.key) {
            result
                .problems
                .push(Problem::about(parameter, text, Reason::Repeated));
            continue;
        }
        seen.push(parameter.key);
        if parameter.key == "figure" {
            continue;
        }
        if !parameter.applies_to(result.figure) {
            result
                .problems
                .push(Problem::about(parameter, text, Reason::NotForFigure));
            continue;
        }
        let parsed = match parameter.kind {
            Kind::ListOf(_) => parameter.parse_list(text, &mut result.problems),
            _ => parameter
                .parse(text)
                .map_err(|problem| result.problems.push(*problem))
                .ok(),
        };
        if let Some(value) = parsed {
            result.values.push((parameter.key, value));
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_query_gives_its_values_and_no_problem() {
        let query = parse_query(
            "?figure=remedies&preset=dropout&losses=minimax,Non-Saturating&seed=7&lr_g=2e-4&play=0",
        );
        assert_eq!(query.problems, vec![]);
        assert_eq!(query.figure, "remedies");
        assert_eq!(
            query.value("losses"),
            Some(&Value::List(vec!["minimax", "non_saturating"]))
        );
        assert_eq!(query.value("seed"), Some(&Value::Number(7.0)));
        assert_eq!(query.value("lr_g"), Some(&Value::Number(2e-4)));
        assert_eq!(query.value("play"), Some(&Value::Switch(false)));
    }

    #[test]
    fn each_bad_value_is_named_and_left_out() {
        let query = parse_query(
            "figure=vanishing&losses=bogus&lr_g=abc&seed=-1&head_start=1e12&d_steps=2.5&h=3&x=1&seed=4",
        );
        let reasons: Vec<(&str, Reason)> = query
            .problems
            .iter()
            .map(|p| (p.parameter.as_str(), p.reason))
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("losses", Reason::UnknownItem),
                ("losses", Reason::EmptyList),
                ("lr_g", Reason::NotANumber),
                ("seed", Reason::OutOfRange),
                ("head_start", Reason::OutOfRange),
                ("d_steps", Reason::NotWhole),
                ("h", Reason::NotForFigure),
                ("x", Reason::UnknownParameter),
                ("seed", Reason::Repeated),
            ]
        );
        assert!(query.values.is_empty(), "{:?}", query.values);
    }

    #[test]
    fn an_unknown_figure_falls_back_to_the_default() {
        let query = parse_query("figure=nope&h=2");
        assert_eq!(query.figure, DEFAULT_FIGURE);
        assert!(!query.figure_given);
        assert_eq!(query.problems[0].reason, Reason::UnknownChoice);
        assert_eq!(query.problems[0].value, "nope");
        // h belongs to the σ figures, not to the default lab.
        assert_eq!(query.problems[1].reason, Reason::NotForFigure);
    }

    #[test]
    fn the_slider_parameters_take_their_figure_bounds() {
        assert!(parse_query("figure=sigmoid&h=-12").problems.is_empty());
        assert_eq!(
            parse_query("figure=sigmoid&h=-20").problems[0].reason,
            Reason::OutOfRange
        );
        assert!(parse_query("figure=derivation&h=-20").problems.is_empty());
    }
}
