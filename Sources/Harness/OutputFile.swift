import Foundation

/// A file named on the command line (`--html report.html`, `--save-baseline b.json`): its folder
/// is checked before any trial runs, and it is written atomically at the end.
public struct OutputFile: Sendable {
    public let path: String
    private let writer: ResultsWriter
    private let name: String

    public init(path: String, option: String) throws(HarnessError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        name = url.lastPathComponent
        guard !path.hasSuffix("/"), !name.isEmpty, !name.hasPrefix(".") else {
            throw .io(path: path, message: "\(option) expects a file name, not a folder")
        }
        writer = try ResultsWriter(directory: url.deletingLastPathComponent().path)
    }

    public func write(_ contents: String) throws(HarnessError) {
        try writer.write(contents, to: name)
    }
}
