/// The verdict on a figure, a row or a whole check, from best to worst.
public enum CheckStatus: String, Codable, Sendable, Comparable, CaseIterable {
    /// No change beyond the threshold, or one within noise.
    case pass
    /// Better by more than the threshold (and significant, where a test applies).
    case improvement
    /// Not a failure, but the comparison is weaker than it looks: too few repetitions for a
    /// significance test, outlying repetitions, different machines or tunings.
    case warning
    /// Worse by more than the threshold and significant, or a failed verification: exit 1.
    case regression

    public static func < (a: CheckStatus, b: CheckStatus) -> Bool { a.severity < b.severity }

    private var severity: Int { Self.allCases.firstIndex(of: self)! }

    /// The mark a row carries: emoji for Markdown (GitHub renders them), single-width signs for the
    /// terminal, where an emoji's double width would break the columns.
    func symbol(emoji: Bool) -> String {
        switch self {
        case .pass, .improvement: emoji ? "✅" : "✓"
        case .warning: emoji ? "⚠️" : "⚠"
        case .regression: emoji ? "❌" : "✗"
        }
    }

    /// The word beside the mark.
    var label: String {
        switch self {
        case .pass: "pass"
        case .improvement: "improved"
        case .warning: "warning"
        case .regression: "regression"
        }
    }

    var tone: Tone {
        switch self {
        case .pass, .improvement: .good
        case .warning: .warning
        case .regression: .bad
        }
    }
}
