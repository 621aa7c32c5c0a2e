extension ReportTable {
    /// Aligned columns for a monospace terminal: titles, units under them, a rule, the rows, then
    /// the notes. Every line of the table itself has the same width; colour never changes it.
    public func terminal(useColor: Bool) -> String {
        let widths = columns.indices.map { i in
            ([columns[i].title, columns[i].unit ?? ""] + rows.map { $0[i].text }).map(\.count).max() ?? 0
        }
        func line(_ cells: [Cell], header: Bool = false) -> String {
            cells.indices.map { i in
                let padding = String(repeating: " ", count: widths[i] - cells[i].text.count)
                let padded = columns[i].alignment == .right ? padding + cells[i].text : cells[i].text + padding
                guard useColor else { return padded }
                return header ? TerminalColor.bold(padded) : TerminalColor.paint(padded, cells[i].tone)
            }.joined(separator: "  ")
        }
        var lines = [line(columns.map { Cell($0.title) }, header: true)]
        if columns.contains(where: { $0.unit != nil }) {
            lines.append(line(columns.map { Cell($0.unit ?? "") }))
        }
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += rows.map { line($0) }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { useColor ? TerminalColor.paint($0.text, $0.tone) : $0.text }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
