/// A table as data, before it is written: one model, rendered for the terminal, Markdown and HTML.
public struct ReportTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case left, right
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        /// Shown under (terminal) or after (Markdown, HTML) the title: "issues/s", "ms", "MiB".
        public var unit: String?
        public var alignment: Alignment

        public init(_ title: String, unit: String? = nil, _ alignment: Alignment = .right) {
            self.title = title
            self.unit = unit
            self.alignment = alignment
        }

        /// Title and unit on one line: "throughput (issues/s)".
        public var heading: String { unit.map { "\(title) (\($0))" } ?? title }
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        public var tone: Tone

        public init(_ text: String, _ tone: Tone = .plain) {
            self.text = text
            self.tone = tone
        }
    }

    public var columns: [Column]
    /// Each row has one cell per column.
    public var rows: [[Cell]]
    /// Lines written under the table, such as why a row failed.
    public var notes: [Cell]

    public init(columns: [Column], rows: [[Cell]], notes: [Cell] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
