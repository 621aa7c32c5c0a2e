import Foundation

/// Memory the machine can give a new process without swapping: `MemAvailable` in /proc/meminfo.
enum AvailableMemory {
    static let path = "/proc/meminfo"

    /// The bytes available, or `nil` where there is no /proc/meminfo (not Linux). A file that is
    /// there but unreadable or without the line is an error, not a silent "unknown".
    static func bytes() throws(HarnessError) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .io(path: path, message: "cannot read: \(error.localizedDescription)")
        }
        guard let kibibytes = parse(text) else { throw .io(path: path, message: "expected a line 'MemAvailable: N kB'") }
        return kibibytes * 1024
    }

    /// The kB figure of the `MemAvailable:` line.
    static func parse(_ text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 3, fields[2] == "kB" else { return nil }
            return Int(fields[1])
        }
        return nil
    }
}
