/// The two sides of a comparison.
public enum CheckSide: String, Codable, Sendable {
    case baseline, current

    /// How a message names the side: "the baseline", "the current results".
    var noun: String { self == .baseline ? "the baseline" : "the current results" }
}
