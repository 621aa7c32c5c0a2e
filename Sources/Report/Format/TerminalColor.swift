#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// ANSI colour for terminal output, and the decision whether to use it.
public enum TerminalColor {
    /// Colour only for a person at a terminal: never into a pipe or file, never when `NO_COLOR` is set
    /// to anything non-empty (https://no-color.org), never on a terminal that declares itself dumb.
    public static func shouldUse(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// `shouldUse(isTerminal:environment:)` for this process's standard output and environment.
    public static func shouldUse() -> Bool {
        shouldUse(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// `text` wrapped in the escape codes for `tone` (unchanged for `.plain`).
    static func paint(_ text: String, _ tone: Tone) -> String {
        switch tone {
        case .plain: text
        case .good: "\u{1B}[32m\(text)\u{1B}[0m"
        case .bad: "\u{1B}[31m\(text)\u{1B}[0m"
        case .warning: "\u{1B}[33m\(text)\u{1B}[0m"
        case .muted: "\u{1B}[2m\(text)\u{1B}[0m"
        }
    }

    /// `text` in bold, for headings.
    static func bold(_ text: String) -> String { "\u{1B}[1m\(text)\u{1B}[0m" }
}
