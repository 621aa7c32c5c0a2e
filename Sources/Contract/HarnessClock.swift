/// The only source of time an engine and the simulated API may use.
///
/// Engines never sleep on their own or read the system clock: the harness hands them
/// a clock, and that is what lets the same engine code run on real time (`wall`) or on a
/// deterministic simulated time (`virtual`), where an hour of rate-limited traffic takes
/// milliseconds.
public protocol HarnessClock: Sendable {
    /// The current point on this clock, measured from the trial's origin.
    func now() -> Moment

    /// Suspends the calling task until `deadline`; returns at once when the deadline has passed.
    /// Throws `CancellationError` when the task is cancelled while waiting.
    func sleep(until deadline: Moment) async throws

    /// Spends `span` of CPU time on the calling task: a busy loop on the wall clock, a jump of the
    /// calling task's time on the virtual clock. This is how `work.analysisMicros` is charged.
    func spendCPU(_ span: Span) async throws
}

extension HarnessClock {
    /// Suspends the calling task for `span`.
    public func sleep(for span: Span) async throws {
        try await sleep(until: now() + span)
    }
}
