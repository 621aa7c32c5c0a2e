import Foundation

/// A run's journal, `<out>/<run>-<UTC time>.jsonl`, written as the run goes: the header first,
/// then each trial's record the moment it finishes, each line in one `write` followed by `fsync`,
/// so that no finished trial is lost to a crash, a kill or a power cut. See `JournalLine`.
///
/// The file is created new (never over an earlier run's: a name taken gets "-2", "-3", …) and
/// only ever appended to; the result files are rewritten atomically at the end instead.
public final class RunJournal: Sendable {
    public let path: String
    private let fd: Int32

    /// Creates the journal in `directory` (which `ResultsWriter` has checked) for `base`, a scenario
    /// name or "run".
    public init(directory: String, base: String, startedAt: Date) throws(HarnessError) {
        let timestamp = ResultsWriter.fileTimestamp(startedAt)
        for attempt in 1...100 {
            let name = try ResultFileName.make(attempt == 1 ? base : "\(base)-\(attempt)", timestamp: timestamp, extension: "jsonl")
            let path = (directory as NSString).appendingPathComponent(name)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if fd >= 0 {
                self.path = path
                self.fd = fd
                return
            }
            guard errno == EEXIST else {
                throw .io(path: path, message: "cannot create the run's journal: \(String(cString: strerror(errno)))")
            }
        }
        throw .io(path: directory, message: "cannot create the run's journal: 100 journals named \(base)-\(timestamp) exist")
    }

    deinit { close(fd) }

    /// Appends `line` as one line of JSON and flushes it to the disk.
    func append(_ line: some Encodable) throws(HarnessError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8]
        do { bytes = Array(try encoder.encode(line)) } catch {
            throw .io(path: path, message: "cannot encode a journal line: \(error)")
        }
        bytes.append(UInt8(ascii: "\n"))
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n >= 0 {
                written += n
            } else if errno != EINTR {
                throw .io(path: path, message: "cannot append to the run's journal: \(String(cString: strerror(errno)))")
            }
        }
        guard fsync(fd) == 0 else {
            throw .io(path: path, message: "cannot flush the run's journal: \(String(cString: strerror(errno)))")
        }
    }
}
