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
    fn softplus_is_finite_and_accurate_in_both_tails() {
        assert_eq!(softplus(1000.0), 1000.0);
        assert!(softplus(-1000.0) >= 0.0 && softplus(-1000.0) < 1e-300);
        // log(1 + e^−30) = e^−30 to double precision.
        assert!((softplus(-30.0) - (-30.0f64).exp()).abs() < 1e-25);
        assert!((log_sigmoid(0.0) + std::f64::consts::LN_2).abs() < 1e-15);
    }
}
