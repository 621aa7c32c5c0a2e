/// What a figure means to the reader, which the terminal shows as a colour and HTML as a class.
public enum Tone: String, Sendable, Equatable {
    case plain
    /// Verified, reproduced.
    case good
    /// Failed, not reproduced.
    case bad
    /// Worth a look but not a failure (a claim beyond the bound).
    case warning
    /// Nothing to say (not measured).
    case muted
}
