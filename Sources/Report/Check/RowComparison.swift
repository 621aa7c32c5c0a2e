/// One row (scenario × size × engine × tuning) of the baseline against the same row now.
public struct RowComparison: Codable, Sendable, Equatable {
    /// The row as it ran now.
    public var row: RowKey
    /// The engine and the tunables that tell its rows apart ("phase2 maxConcurrency=32"), for tables.
    public var label: String
    /// "wall" or "virtual".
    public var clock: String
    /// Whether every current repetition passed verification: a hard gate, whatever the figures.
    public var verified: Bool
    public var baselineVerified: Bool
    /// One per compared metric the row has on both sides (none without passing repetitions).
    public var metrics: [MetricComparison]
    /// About the row as a whole: verification, tuning, missing repetitions.
    public var notes: [CheckNote]
    /// The worst of the metrics' statuses and the notes'.
    public var status: CheckStatus

    public init(row: RowKey, label: String, clock: String, verified: Bool, baselineVerified: Bool,
                metrics: [MetricComparison], notes: [CheckNote]) {
        self.row = row
        self.label = label
        self.clock = clock
        self.verified = verified
        self.baselineVerified = baselineVerified
        self.metrics = metrics
        self.notes = notes
        self.status = (metrics.map(\.status) + notes.map(\.status)).max() ?? .pass
    }
}
