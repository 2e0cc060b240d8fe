//! Closed forms in f64, the numbers the article quotes and the tests check training against.
//!
//! Everything here is written so that no logit a run can produce gives NaN or infinity:
//! `softplus` never exponentiates a positive number, and `sigmoid` picks the branch whose
//! exponential cannot overflow.

/// The logistic sigmoid σ(h) = 1 / (1 + e^(−h)).
pub fn sigmoid(h: f64) -> f64 {
    if h >= 0.0 {
        1.0 / (1.0 + (-h).exp())
    } else {
        let e = h.exp();
        e / (1.0 + e)
    }
}

/// σ′(h) = σ(h)(1 − σ(h)), written as σ(h)σ(−h) so that neither factor is a difference of
/// nearly equal numbers.
pub fn sigmoid_prime(h: f64) -> f64 {
    sigmoid(h) * sigmoid(-h)
}

/// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)).
pub fn softplus(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}

/// log σ(h) = −softplus(−h).
pub fn log_sigmoid(h: f64) -> f64 {
    -softplus(-h)
}

/// log(e^a + e^b) without overflow.
pub fn log_add_exp(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    if hi == f64::NEG_INFINITY {
        return hi;
    }
    hi + (lo - hi).exp().ln_1p()
}

/// The three generator costs of Goodfellow's 2016 tutorial as functions of D = D(G(z)), and
/// their slopes with respect to the logit h (where D = σ(h)).
pub mod costs {
    use super::sigmoid;

    /// Minimax: ½·log(1 − D).
    pub fn minimax(d: f64) -> f64 {
        0.5 * (-d).ln_1p()
    }

    /// Non-saturating: −½·log D.
    pub fn non_saturating(d: f64) -> f64 {
        -0.5 * d.ln()
    }

    /// Maximum likelihood: −½·D/(1 − D) = −½·e^h.
    pub fn maximum_likelihood(d: f64) -> f64 {
        -0.5 * d / (1.0 - d)
    }

    /// d/dh of ½·log(1 − σ(h)) = −½·σ(h).
    pub fn minimax_slope(h: f64) -> f64 {
        -0.5 * sigmoid(h)
    }

    /// d/dh of −½·log σ(h) = −½·(1 − σ(h)).
    pub fn non_saturating_slope(h: f64) -> f64 {
        -0.5 * sigmoid(-h)
    }

    /// d/dh of −½·e^h = −½·e^h.
    pub fn maximum_likelihood_slope(h: f64) -> f64 {
        -0.5 * h.exp()
    }
}

/// A 1-D Gaussian N(mean, std²).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gaussian {
    pub mean: f64,
    pub std: f64,
}

impl Gaussian {
    pub fn new(mean: f64, std: f64) -> Self {
        Self { mean, std }
    }

    pub fn log_density(self, x: f64) -> f64 {
        let z = (x - self.mean) / self.std;
        -0.5 * z * z - self.std.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln()
    }

    pub fn density(self, x: f64) -> f64 {
        self.log_density(x).exp()
    }

    /// Differential entropy ½·log(2πe·std²), in nats.
    pub fn entropy(self) -> f64 {
        0.5 * (2.0 * std::f64::consts::PI * std::f64::consts::E * self.std * self.std).ln()
    }
}

/// The optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)), computed in log space
/// so that it stays exact where both densities underflow.
pub fn optimal_discriminator(data: Gaussian, generator: Gaussian, x: f64) -> f64 {
    let (a, b) = (data.log_density(x), generator.log_density(x));
    (a - log_add_exp(a, b)).exp()
}

/// ∫ f over [lo, hi] by composite Simpson's rule with `n` (even) intervals.
fn simpson(f: impl Fn(f64) -> f64, lo: f64, hi: f64, n: usize) -> f64 {
    let h = (hi - lo) / n as f64;
    let inner: f64 = (1..n)
        .map(|i| f(lo + i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 })
        .sum();
    (f(lo) + inner + f(hi)) * h / 3.0
}

/// An interval holding all but a negligible part (beyond 14 standard deviations) of both.
fn support(p: Gaussian, q: Gaussian) -> (f64, f64) {
    let lo = (p.mean - 14.0 * p.std).min(q.mean - 14.0 * q.std);
    let hi = (p.mean + 14.0 * p.std).max(q.mean + 14.0 * q.std);
    (lo, hi)
}

const QUADRATURE_INTERVALS: usize = 40_000;

/// V(G, D*) = E_data[log D*(x)] + E_g[log(1 − D*(x))], by quadrature of the definition.
pub fn value_at_optimal_discriminator(data: Gaussian, generator: Gaussian) -> f64 {
    let (lo, hi) = support(data, generator);
    let integrand = |x: f64| {
        let (a, b) = (data.log_density(x), generator.log_density(x));
        let log_mix = log_add_exp(a, b);
        // p_data·log D* + p_g·log(1 − D*).
        a.exp() * (a - log_mix) + b.exp() * (b - log_mix)
    };
    simpson(integrand, lo, hi, QUADRATURE_INTERVALS)
}

/// JS(p ‖ q) = H(m) − ½H(p) − ½H(q) with m = ½(p + q), in nats: the Gaussians' entropies in
/// closed form, the mixture's by quadrature. (A separate route from V(G, D*), so that the
/// identity V = −log 4 + 2·JS is a check, not a tautology.)
pub fn jensen_shannon(p: Gaussian, q: Gaussian) -> f64 {
    let (lo, hi) = support(p, q);
    let mixture_entropy = simpson(
        |x| {
            let log_m = log_add_exp(p.log_density(x), q.log_density(x)) - std::f64::consts::LN_2;
            let m = log_m.exp();
            if m > 0.0 {
                -m * log_m
            } else {
                0.0
            }
        },
        lo,
        hi,
        QUADRATURE_INTERVALS,
    );
    (mixture_entropy - 0.5 * p.entropy() - 0.5 * q.entropy()).max(0.0)
}

/// KL(p ‖ q) between two Gaussians, in closed form (nats).
pub fn kl_divergence(p: Gaussian, q: Gaussian) -> f64 {
    (q.std / p.std).ln() + (p.std * p.std + (p.mean - q.mean).powi(2)) / (2.0 * q.std * q.std) - 0.5
}

/// Wasserstein-1 distance between two Gaussians: ∫|F_p⁻¹(u) − F_q⁻¹(u)| du, which for equal
/// standard deviations is |μ_p − μ_q|. Unequal spreads are integrated over the quantiles.
pub fn wasserstein_1(p: Gaussian, q: Gaussian) -> f64 {
    if (p.std - q.std).abs() < 1e-15 {
        return (p.mean - q.mean).abs();
    }
    // F⁻¹(u) = μ + σ·Φ⁻¹(u); |Δμ + Δσ·Φ⁻¹(u)| integrated against the standard normal.
    let (dm, ds) = (p.mean - q.mean, p.std - q.std);
    let standard = Gaussian::new(0.0, 1.0);
    simpson(
        |z| (dm + ds * z).abs() * standard.density(z),
        -14.0,
        14.0,
        QUADRATURE_INTERVALS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigmoid_prime_peaks_at_a_quarter() {
        assert_eq!(sigmoid_prime(0.0), 0.25);
        assert!(sigmoid_prime(1e-3) < 0.25);
        assert!(sigmoid_prime(-1e-3) < 0.25);
    }

    #[test]
    fn sigmoid_prime_deep_in_the_tail() {
        // σ′(−10) = e^10 / (1 + e^10)², from Python's decimal module at 40 digits:
        // 4.539580773595167103e−5.
        assert!((sigmoid_prime(-10.0) - 4.539_580_773_595_167e-5).abs() < 1e-18);
    }

    #[test]
    fn value_at_the_optimal_discriminator_is_minus_log_4_plus_twice_js() {
        let data = Gaussian::new(0.0, 1.0);
        for mean in [0.0, 0.3, 1.0, 2.5, 5.0, 12.0] {
            let generator = Gaussian::new(mean, 1.0);
            let v = value_at_optimal_discriminator(data, generator);
            let js = jensen_shannon(data, generator);
            let identity = -(4.0f64).ln() + 2.0 * js;
            assert!(
                (v - identity).abs() < 1e-6,
                "mean {mean}: V = {v}, −log 4 + 2·JS = {identity}"
            );
        }
    }

    #[test]
    fn js_saturates_at_log_2_while_w1_keeps_growing() {
        let data = Gaussian::new(0.0, 1.0);
        assert!(jensen_shannon(data, data) < 1e-9);
        let far = jensen_shannon(data, Gaussian::new(40.0, 1.0));
        assert!(
            (far - std::f64::consts::LN_2).abs() < 1e-9,
            "JS far apart = {far}"
        );
        let near = jensen_shannon(data, Gaussian::new(1.0, 1.0));
        assert!(near > 0.0 && near < far);
        assert_eq!(wasserstein_1(data, Gaussian::new(40.0, 1.0)), 40.0);
        // Unequal spreads, same means: W1 = |Δσ|·E|Z| = |Δσ|·√(2/π).
        let w = wasserstein_1(data, Gaussian::new(0.0, 2.0));
        assert!(
            (w - (2.0 / std::f64::consts::PI).sqrt()).abs() < 1e-9,
            "W1 = {w}"
        );
    }

    #[test]
    fn optimal_discriminator_is_one_half_where_the_densities_meet() {
        let (data, generator) = (Gaussian::new(0.0, 1.0), Gaussian::new(2.0, 1.0));
        assert!((optimal_discriminator(data, generator, 1.0) - 0.5).abs() < 1e-15);
        // Far from both, still a number: D* → 1 on the data side, 0 on the generator side.
        assert!((optimal_discriminator(data, generator, -60.0) - 1.0).abs() < 1e-15);
        assert!(optimal_discriminator(data, generator, 60.0) < 1e-40);
    }

    #[test]
    fn kl_of_unit_gaussians_is_half_the_squared_distance() {
        let kl = kl_divergence(Gaussian::new(0.0, 1.0), Gaussian::new(3.0, 1.0));
        assert!((kl - 4.5).abs() < 1e-15);
    }

    #[test]
    fn cost_slopes_are_the_derivatives_of_the_costs() {
        // Central differences of each cost in h, with D = σ(h).
        for h in [-8.0, -2.0, 0.0, 1.5, 4.0] {
            let d = |f: fn(f64) -> f64| (f(sigmoid(h + 1e-6)) - f(sigmoid(h - 1e-6))) / 2e-6;
            assert!((d(costs::minimax) - costs::minimax_slope(h)).abs() < 1e-7);
            assert!((d(costs::non_saturating) - costs::non_saturating_slope(h)).abs() < 1e-7);
            let ml = d(costs::maximum_likelihood);
            assert!((ml - costs::maximum_likelihood_slope(h)).abs() < 1e-6 * (1.0 + ml.abs()));
        }
    }

    #[test]
    fn softplus_is_finite_and_accurate_in_both_tails() {
        assert_eq!(softplus(1000.0), 1000.0);
        assert!(softplus(-1000.0) >= 0.0 && softplus(-1000.0) < 1e-300);
        // log(1 + e^−30) = e^−30 to double precision.
        assert!((softplus(-30.0) - (-30.0f64).exp()).abs() < 1e-25);
        assert!((log_sigmoid(0.0) + std::f64::consts::LN_2).abs() < 1e-15);
    }
}
