import Contract

/// When to retry a failed request and when to give up: one policy for every engine, so each
/// survives errors, outages and both kinds of rate limit the same way.
///
/// - A primary-window rejection (403/429 with `remaining` 0) waits until `rate.reset`. It counts as
///   an attempt in the give-up message but does not spend the budget: being told when the budget
///   comes back is not a failure, and an engine that gave up on it could never finish a workload
///   larger than one window (phase1 included, despite its naive retry).
/// - Any other rejection or 5xx waits the backoff, or `retry-after` when that is longer, and
///   spends one attempt of `maxAttempts`.
/// - Other 4xx answers (not found, validation) will not change on a retry: give up at once.
/// - A 5xx to a write that is not idempotent (a comment) may hide a write that was applied: the
///   sender checks whether it landed before retrying it (`mayHaveApplied`).
struct RetryPolicy: Sendable, Equatable {
    var maxAttempts: Int
    var backoff: Backoff

    /// What to do after `response` failed.
    enum Decision: Equatable {
        /// Retry at this moment; `spendsAttempt` says whether it counts against `maxAttempts`.
        case retry(at: Moment, spendsAttempt: Bool)
        case giveUp
    }

    /// `failures` is how many attempts were spent before this one.
    func decide(after response: APIResponse, failures: Int, key: UInt64, now: Moment) -> Decision {
        if response.isPrimaryExhausted, let reset = response.rate?.reset, reset > now {
            return .retry(at: reset, spendsAttempt: false)
        }
        guard response.isRateLimited || response.status >= 500, failures + 1 < maxAttempts else { return .giveUp }
        var wait = backoff.delay(afterFailure: failures + 1, key: key)
        if let retryAfter = response.retryAfter, retryAfter > wait { wait = retryAfter }
        return .retry(at: now + wait, spendsAttempt: true)
    }

    /// Whether `request`, answered `response`, may have been applied all the same, so that sending
    /// it again could repeat it: a 5xx to a write that is not idempotent. Such an error can come
    /// after the server made the change (the response was lost), and posting a comment twice
    /// posts two; adding a label twice leaves one label, and a rate-limit rejection turns a
    /// request away before it does anything.
    func mayHaveApplied(_ request: APIRequest, answered response: APIResponse) -> Bool {
        guard response.status >= 500, case .addComment = request else { return false }
        return true
    }
}

extension RetryPolicy {
    /// The tunables of an exponential policy, shared by phase2 and phase3.
    static let exponentialParameters: [ParameterSpec] = [
        ParameterSpec("baseBackoffMs", default: 100, range: 0...60_000,
                      "first retry's backoff in ms, doubling per failure (half of it jittered)"),
        ParameterSpec("maxBackoffMs", default: 10_000, range: 0...600_000, "cap on one backoff, in ms"),
        ParameterSpec("maxAttempts", default: 8, range: 1...100,
                      "attempts per request before giving up (waits for a rate-limit reset do not count)"),
        ParameterSpec("seed", default: 1, range: 0...9_007_199_254_740_991, "seed of the backoff jitter"),
    ]

    /// The exponential policy `exponentialParameters` describe.
    static func exponential(_ tuning: Tuning) -> RetryPolicy {
        RetryPolicy(maxAttempts: tuning.int("maxAttempts"),
                    backoff: .exponential(base: .milliseconds(tuning.double("baseBackoffMs")),
                                          cap: .milliseconds(tuning.double("maxBackoffMs")),
                                          seed: UInt64(tuning.double("seed"))))
    }
}
