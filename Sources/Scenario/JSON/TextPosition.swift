/// A place in a text file, as an editor shows it: 1-based line and column, columns counted in
/// Unicode scalars so that a line with "é" in it points where a person looks.
public struct TextPosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "line \(line), column \(column)" }
}
