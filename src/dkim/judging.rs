//! When a signature is judged. DKIM's `x=` tells receivers how long to accept a signature; a
//! leaked message is read years later, when every `x=` has passed, yet a signature that was
//! valid when the message was sent is still evidence. So by default each signature is judged
//! as of its signing: at its `t=`, else at the message's Date, else now. A caller may instead
//! judge every signature at one given time, as a receiving server would at that moment.

use serde::Serialize;

/// How the time at which signatures are judged is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judging {
    /// Each signature at the time it was signed: its `t=`, else the message's Date, else now
    /// (a `t=` or Date later than now is not used). An `x=` that has passed since is information, not a failure.
    AsOfSigning,
    /// Every signature at this time (unix seconds), with a receiver's semantics: an `x=` before
    /// it makes the signature `permerror` (`expired`).
    At(u64),
}

/// The judging mode of a message's report, as serialized (`judged_at` on the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JudgingMode {
    /// `as_of_signing` or `at`.
    pub mode: &'static str,
    /// With `at`: the given time (unix seconds); `null` as of signing.
    pub time: Option<u64>,
    /// The caller's current time (unix seconds), against which `x=` is reported as passed.
    pub now: u64,
}

impl JudgingMode {
    /// The serialized form of `judging` with the caller's `now`.
    pub fn new(judging: Judging, now: u64) -> Self {
        match judging {
            Judging::AsOfSigning => JudgingMode { mode: "as_of_signing", time: None, now },
            Judging::At(t) => JudgingMode { mode: "at", time: Some(t), now },
        }
    }
}

/// Where the time a signature was judged at came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeSource {
    /// The signature's `t=`.
    SignatureTimestamp,
    /// The message's Date header field (no `t=`).
    MessageDate,
    /// The caller's current time (no `t=`, no readable Date, or either later than now).
    Now,
    /// The time the caller gave (`Judging::At`).
    Given,
}

/// The time one signature was judged at (`judged_at` on a signature).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JudgedAt {
    /// Unix seconds.
    pub time: u64,
    /// Where it came from.
    pub from: TimeSource,
}

impl JudgedAt {
    /// The judging time of a signature with `t=` `timestamp` in a message dated `message_date`.
    pub fn choose(judging: Judging, now: u64, timestamp: Option<u64>, message_date: Option<i64>) -> JudgedAt {
        let at = |time, from| JudgedAt { time, from };
        match judging {
            Judging::At(t) => at(t, TimeSource::Given),
            Judging::AsOfSigning => {
                let date = message_date.and_then(|d| u64::try_from(d).ok());
                match (timestamp.filter(|&t| t <= now), date.filter(|&d| d <= now)) {
                    (Some(t), _) => at(t, TimeSource::SignatureTimestamp),
                    (None, Some(d)) => at(d, TimeSource::MessageDate),
                    (None, None) => at(now, TimeSource::Now),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_signing_prefers_t_then_date_then_now() {
        let now = 2_000_000_000;
        let choose = |t, d| JudgedAt::choose(Judging::AsOfSigning, now, t, d);
        assert_eq!(choose(Some(10), Some(20)), JudgedAt { time: 10, from: TimeSource::SignatureTimestamp });
        assert_eq!(choose(None, Some(20)), JudgedAt { time: 20, from: TimeSource::MessageDate });
        assert_eq!(choose(None, None), JudgedAt { time: now, from: TimeSource::Now });
        assert_eq!(choose(None, Some(-5)), JudgedAt { time: now, from: TimeSource::Now });
        // Never later than now: a t= or Date in the future is not used.
        assert_eq!(choose(Some(now + 1), None), JudgedAt { time: now, from: TimeSource::Now });
        assert_eq!(choose(Some(now + 1), Some(20)), JudgedAt { time: 20, from: TimeSource::MessageDate });
        assert_eq!(choose(None, Some(now as i64 + 1)), JudgedAt { time: now, from: TimeSource::Now });
        let given = JudgedAt::choose(Judging::At(5), now, Some(10), Some(20));
        assert_eq!(given, JudgedAt { time: 5, from: TimeSource::Given });
    }
}
