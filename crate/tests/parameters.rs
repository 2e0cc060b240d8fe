//! The URL parser over random input: it never panics, every value it returns lies inside its
//! parameter's bounds (or list), and every parameter it drops is reported.

// proptest runs natively only: its runner has no wasm32 support.
#![cfg(not(target_family = "wasm"))]

use gan_gradients::parameters::{parse_query, Kind, Value, FIGURES, PARAMETERS};
use gan_gradients::settings::RawSettings;
use proptest::prelude::*;

/// Checks one parse: values inside bounds, and as many reports as there were unused pairs.
fn check(query: &str) -> Result<(), TestCaseError> {
    let parsed = parse_query(query);
    prop_assert!(FIGURES.contains(&parsed.figure));
    for (key, value) in &parsed.values {
        let parameter = PARAMETERS
            .iter()
            .find(|p| p.key == *key && p.applies_to(parsed.figure))
            .ok_or_else(|| TestCaseError::fail(format!("{key} does not apply")))?;
        match (parameter.kind, value) {
            (Kind::Whole { min, max }, Value::Number(n)) => {
                prop_assert!(
                    n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64,
                    "{key}={n}"
                )
            }
            (Kind::Real { min, max }, Value::Number(n)) => {
                prop_assert!(n.is_finite() && *n >= min && *n <= max, "{key}={n}")
            }
            (Kind::OneOf(ids), Value::Text(id)) => prop_assert!(ids.contains(id)),
            (Kind::ListOf(ids), Value::List(items)) => {
                prop_assert!(!items.is_empty());
                prop_assert!(items.iter().all(|item| ids.contains(item)));
            }
            (Kind::Switch, Value::Switch(_)) => {}
            (kind, value) => prop_assert!(false, "{key}: {value:?} for {kind:?}"),
        }
    }
    // Every pair given either became a value or was reported (the figure is taken apart).
    let pairs: Vec<_> = form_pairs(query);
    let unused = pairs
        .iter()
        .filter(|(k, v)| !(k.is_empty() && v.is_empty()))
        .count()
        - parsed.values.len()
        - usize::from(parsed.figure_given);
    prop_assert!(
        parsed.problems.len() >= unused,
        "{query:?}: {} pairs unused, {} problems",
        unused,
        parsed.problems.len()
    );
    for problem in &parsed.problems {
        prop_assert!(problem.value.chars().count() <= 41);
    }
    Ok(())
}

fn form_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// Keys the parser knows and some it does not, so that random queries reach every branch.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PARAMETERS.iter().map(|p| p.key.to_string()).collect::<Vec<_>>()),
        1 => "[a-z_]{0,12}",
    ]
}

/// Values near the edges: numbers in many spellings, identifiers, lists, junk.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|x| x.to_string()),
        any::<i64>().prop_map(|x| x.to_string()),
        (-50i32..50).prop_map(|x| x.to_string()),
        "[-+]?[0-9]{0,6}(\\.[0-9]{0,4})?([eE][-+]?[0-9]{1,3})?",
        prop::sample::select(vec![
            "inf",
            "-inf",
            "NaN",
            "",
            "0x10",
            "1e999",
            "-0",
            "minimax",
            "ring",
            "true",
            "off",
            "non-saturating",
            "MINIMAX,bogus",
            "%ZZ",
            "%00",
            "a%2Cb",
            "sigmoid",
            "+",
            "1,2,3",
        ])
        .prop_map(str::to_string),
        "\\PC{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_string_parses_without_panic(query in "\\PC{0,200}") {
        check(&query)?;
    }

    #[test]
    fn queries_of_known_keys_stay_in_bounds(
        pairs in prop::collection::vec((key(), value()), 0..12),
        question in any::<bool>(),
    ) {
        let mut query = if question { "?".to_string() } else { String::new() };
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", v.replace('&', "%26").replace('=', "%3D")))
            .collect();
        query.push_str(&encoded.join("&"));
        check(&query)?;
    }

    /// The lab's own settings (what its controls send) are bounded by the same table.
    #[test]
    fn lab_settings_resolve_inside_bounds(
        seed in any::<f64>(), head_start in any::<f64>(), lr in any::<f64>(),
        batch in any::<f64>(), width in any::<f64>(), noise in any::<f64>(),
    ) {
        let raw = RawSettings {
            seed: Some(seed), head_start: Some(head_start), lr_g: Some(lr), lr_d: Some(lr),
            batch_size: Some(batch), width: Some(width), input_noise: Some(noise),
            ..RawSettings::default()
        };
        let (settings, _) = raw.resolve();
        let c = settings.config;
        prop_assert!(c.seed <= u32::MAX as u64);
        prop_assert!(c.head_start <= 100_000);
        prop_assert!((1e-6..=1.0).contains(&c.lr_g) && (1e-6..=1.0).contains(&c.lr_d));
        prop_assert!((8..=4096).contains(&c.batch_size));
        prop_assert!((4..=256).contains(&c.generator.width));
        prop_assert!((0.0..=2.0).contains(&c.discriminator.input_noise));
    }
}
