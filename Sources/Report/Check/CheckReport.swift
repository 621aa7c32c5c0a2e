/// Everything `issuebench check` found: each row's comparison, each absolute threshold's outcome,
/// and what makes the comparison weaker than it looks.
public struct CheckReport: Codable, Sendable, Equatable {
    /// The significance level the tests used.
    public var alpha: Double
    /// In scenario order, then by size, engine and tuning.
    public var rows: [RowComparison]
    public var thresholds: [ThresholdOutcome]
    /// About the comparison as a whole: different machines or builds.
    public var warnings: [CheckNote]
    /// The worst of the rows, the warnings, and `.regression` for a failed threshold.
    public var status: CheckStatus
    /// No regression, no failed verification, no failed threshold.
    public var passed: Bool

    public init(alpha: Double, rows: [RowComparison], thresholds: [ThresholdOutcome], warnings: [CheckNote]) {
        self.alpha = alpha
        self.rows = rows
        self.thresholds = thresholds
        self.warnings = warnings
        let failedThreshold = thresholds.contains { !$0.passed }
        status = (rows.map(\.status) + warnings.map(\.status) + (failedThreshold ? [.regression] : [])).max() ?? .pass
        passed = status != .regression
    }

    /// The process's exit status: 0 when the check passed, 1 for a regression, a failed
    /// verification or a failed threshold. (Input that cannot be compared throws `CheckError`: 2.)
    public var exitCode: Int32 { passed ? 0 : 1 }
}
