/// Upper bounds on values that the harness turns into nanoseconds, counts or products of counts.
///
/// None of them is a limit of any real workload. Each keeps the arithmetic downstream in range:
/// times become `Int64` nanoseconds (`Span.seconds(1e300)` would trap), the bound multiplies
/// request counts by points and adds windows, the corpus turns sampled sizes into `Int`s. A value
/// past its cap is an error naming the cap, reported like every other rule.
enum Cap {
    /// 1e7 s (about 116 days) is 1e16 ns: some nine hundred such waits one after another still
    /// fit the clock's `Int64` nanoseconds (292 years).
    static let seconds = 1e7
    static let milliseconds = seconds * 1e3
    static let microseconds = seconds * 1e6
    /// Requests per window, points per minute, requests in flight: 1e12 times the 4e7 requests of
    /// a ten-million-issue run, or plus them, stays within `Int`.
    static let count = 1_000_000_000_000
    /// Secondary-limit points one request costs.
    static let points = 1_000_000
    /// Bytes of one body or comment (the corpus itself stops at 64 MiB).
    static let bytes = 1e15
    /// Comments on one issue.
    static let commentsPerIssue = 100_000.0
    /// Size points in `issues.counts`: each is a row per engine, each row its trials.
    static let sizePoints = 100
}
