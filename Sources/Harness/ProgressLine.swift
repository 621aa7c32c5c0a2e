import Foundation

/// A one-line progress display on stderr, redrawn in place; silent when stderr is not a terminal
/// (CI logs and pipes get no carriage-return noise).
public struct ProgressLine: Sendable {
    public let enabled: Bool

    public init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    public func show(_ text: String) {
        guard enabled else { return }
        let width = 110
        let line = text.count > width ? String(text.prefix(width - 1)) + "…" : text
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    }

    public func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
