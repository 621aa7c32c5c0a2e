import Foundation

extension ReportTable {
    /// A GitHub table that pastes cleanly into a pull request, the notes as a list under it.
    public func markdown() -> String {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var lines = [line(columns.map { Self.markdownEscaped($0.heading) }),
                     line(columns.map { $0.alignment == .right ? "---:" : ":---" })]
        lines += rows.map { line($0.map { Self.markdownEscaped($0.text) }) }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { "- " + Self.markdownEscaped($0.text) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell's text that cannot end the cell or the row early: pipes escaped, line breaks joined.
    static func markdownEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
