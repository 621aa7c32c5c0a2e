import Foundation

/// Writes result files so that a reader never sees half a file: each goes to a temporary file in
/// the same folder first and is renamed over its final name (rename is atomic on one file system).
public struct ResultsWriter: Sendable {
    public var directory: String

    /// Checks that `directory` exists (creating it if need be) and can be written, before any
    /// trial runs: an unwritable `--out` must fail at once, not after an hour of measuring.
    public init(directory: String) throws(HarnessError) {
        self.directory = directory
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .io(path: directory, message: "expected a folder for --out, found a file") }
        } else {
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw .io(path: directory, message: "cannot create the output folder: \(Self.reason(error))")
            }
        }
        guard access(directory, W_OK) == 0 else {
            throw .io(path: directory, message: "cannot write to the output folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `contents` to `name` inside the folder, atomically; returns the final path.
    /// `name` must be a plain file name: nothing is ever written outside the folder.
    @discardableResult
    public func write(_ contents: String, to name: String) throws(HarnessError) -> String {
        precondition(!name.contains("/") && !name.hasPrefix("."), "result file names are plain names")
        let path = (directory as NSString).appendingPathComponent(name)
        let temporary = (directory as NSString).appendingPathComponent(".\(name).tmp-\(getpid())")
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .io(path: temporary, message: "cannot write: \(Self.reason(error))")
        }
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw .io(path: path, message: "cannot move the finished file into place: \(message)")
        }
        return path
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    /// A UTC timestamp for file names: 20261129T013100Z.
    public static func fileTimestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }
}
