//! The data behind each closed-form chart, as a table a reader can download (CSV), computed by
//! the same functions the charts draw, so that the file and the picture cannot disagree.

use serde::Deserialize;

use super::optimal_chart::{data, generator};
use crate::maths::{costs, optimal_discriminator, sigmoid, sigmoid_prime};

/// Named columns of numbers.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell: a number or a short label (a loss's id, say).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
}

impl Table {
    fn new(columns: &[&str], rows: impl IntoIterator<Item = Vec<f64>>) -> Self {
        Self {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .into_iter()
                .map(|row| row.into_iter().map(Cell::Number).collect())
                .collect(),
        }
    }

    /// RFC 4180 CSV: a header line, then one line per row, CRLF line ends. Numbers are written
    /// with every digit of their f64 (Rust's shortest round-trip form); a text cell that holds
    /// a comma, a quote or a line break is quoted.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, cells: Vec<String>| {
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        };
        line(&mut out, self.columns.iter().map(|c| quote(c)).collect());
        for row in &self.rows {
            line(
                &mut out,
                row.iter()
                    .map(|cell| match cell {
                        Cell::Number(x) if x.is_finite() => x.to_string(),
                        // Spreadsheets read these; a diverged run's NaN stays visible.
                        Cell::Number(x) if x.is_nan() => "NaN".to_string(),
                        Cell::Number(x) if *x > 0.0 => "Infinity".to_string(),
                        Cell::Number(_) => "-Infinity".to_string(),
                        Cell::Text(text) => quote(text),
                    })
                    .collect(),
            );
        }
        out
    }
}

fn quote(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// `n + 1` evenly spaced points from `from` to `to`.
fn grid(from: f64, to: f64, n: usize) -> impl Iterator<Item = f64> {
    (0..=n).map(move |i| from + (to - from) * i as f64 / n as f64)
}

/// σ and σ′ over the sigmoid chart's range.
pub fn sigmoid_table() -> Table {
    Table::new(
        &["h", "sigma", "sigma_prime"],
        grid(-12.0, 12.0, 240).map(|h| vec![h, sigmoid(h), sigmoid_prime(h)]),
    )
}

/// The three generator costs against D, and their slopes with respect to the logit.
pub fn costs_table() -> Table {
    Table::new(
        &[
            "h",
            "d",
            "minimax_cost",
            "non_saturating_cost",
            "maximum_likelihood_cost",
            "minimax_slope",
            "non_saturating_slope",
            "maximum_likelihood_slope",
        ],
        grid(-10.0, 10.0, 200).map(|h| {
            let d = sigmoid(h);
            vec![
                h,
                d,
                costs::minimax(d),
                costs::non_saturating(d),
                costs::maximum_likelihood(d),
                costs::minimax_slope(h),
                costs::non_saturating_slope(h),
                costs::maximum_likelihood_slope(h),
            ]
        }),
    )
}

/// The two densities and the optimal discriminator for the generator mean `mean`.
pub fn optimal_table(mean: f64) -> Table {
    let (p, q) = (data(), generator(mean));
    Table::new(
        &["x", "p_data", "p_g", "d_star"],
        grid(-5.0, 15.0, 400).map(|x| {
            vec![
                x,
                p.density(x),
                q.density(x),
                optimal_discriminator(p, q, x),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_header_every_row_and_round_trips_numbers() {
        let table = sigmoid_table();
        let csv = table.to_csv();
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "h,sigma,sigma_prime");
        assert_eq!(lines.len(), 1 + 241);
        let row: Vec<f64> = lines[121].split(',').map(|c| c.parse().unwrap()).collect();
        assert_eq!(row, vec![0.0, 0.5, 0.25]);
        let last: Vec<f64> = lines[241].split(',').map(|c| c.parse().unwrap()).collect();
        assert_eq!(last[1], sigmoid(12.0));
    }

    #[test]
    fn text_cells_are_quoted_only_when_they_must_be() {
        let table = Table {
            columns: vec!["loss".into(), "note".into()],
            rows: vec![vec![
                Cell::Text("minimax".into()),
                Cell::Text("a \"b\", c".into()),
            ]],
        };
        assert_eq!(
            table.to_csv(),
            "loss,note\r\nminimax,\"a \"\"b\"\", c\"\r\n"
        );
        let odd = Table::new(&["x"], [vec![f64::NAN], vec![f64::NEG_INFINITY]]);
        assert_eq!(odd.to_csv(), "x\r\nNaN\r\n-Infinity\r\n");
    }

    #[test]
    fn optimal_discriminator_is_one_half_where_the_densities_meet() {
        let table = optimal_table(2.0);
        let at_one = table
            .rows
            .iter()
            .find(|row| row[0] == Cell::Number(1.0))
            .expect("x = 1 is on the grid");
        let Cell::Number(d) = at_one[3] else {
            panic!("a number")
        };
        assert!((d - 0.5).abs() < 1e-12, "D*(1) = {d}");
    }
}
