/// The memory figures of a process, as `/proc/<pid>/status` reports them, in bytes.
///
/// Parsed in Swift from the file's text (a pure function, tested on lines copied from a real
/// machine) rather than through `getrusage`, because `VmHWM` can be reset (see `resetPeakRSS()`)
/// and so measure the peak of one phase of a run, where `ru_maxrss` only ever grows.
public struct ProcStatus: Sendable, Equatable {
    /// `VmRSS`: resident set size now.
    public var rssBytes: Int
    /// `VmHWM`: the resident set's high-water mark since start or the last `resetPeakRSS()`.
    public var peakRSSBytes: Int
    /// `VmSize`: mapped address space now (what `RLIMIT_AS` limits).
    public var virtualBytes: Int
    /// `VmPeak`: the largest `VmSize` so far.
    public var peakVirtualBytes: Int

    public init(rssBytes: Int, peakRSSBytes: Int, virtualBytes: Int, peakVirtualBytes: Int) {
        self.rssBytes = rssBytes
        self.peakRSSBytes = peakRSSBytes
        self.virtualBytes = virtualBytes
        self.peakVirtualBytes = peakVirtualBytes
    }

    /// The file this process reads for itself.
    public static let selfPath = "/proc/self/status"

    /// Reads this process's figures now.
    public static func readSelf() throws(MeasurementError) -> ProcStatus {
        try ProcStatus(parsing: ProcFile.read(selfPath), path: selfPath)
    }

    /// Parses the text of a status file; `path` only names the file in errors.
    ///
    /// Every field must be present and read `<number> kB` (the kernel's kB are KiB), otherwise
    /// this throws: a figure that silently became 0 would look like a memory saving.
    public init(parsing text: String, path: String) throws(MeasurementError) {
        var values: [String: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            guard Self.fields.contains(key), values[key] == nil else { continue }
            guard let kib = Self.kibibytes(line[line.index(after: colon)...]) else {
                throw .malformedLine(path: path, lineNumber: index + 1, line: String(line),
                                     expected: "'\(key): <number> kB'")
            }
            values[key] = kib * 1024
        }
        func value(_ key: String) throws(MeasurementError) -> Int {
            guard let v = values[key] else { throw .missingField(path: path, field: key) }
            return v
        }
        self.init(rssBytes: try value("VmRSS"), peakRSSBytes: try value("VmHWM"),
                  virtualBytes: try value("VmSize"), peakVirtualBytes: try value("VmPeak"))
    }

    private static let fields: Set<String> = ["VmRSS", "VmHWM", "VmSize", "VmPeak"]

    /// "\t    1592 kB" → 1592; `nil` for anything else, including a value that overflows.
    private static func kibibytes(_ value: Substring) -> Int? {
        let parts = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, parts[1] == "kB", parts[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let kib = Int(parts[0]), kib <= Int.max / 1024 else { return nil }
        return kib
    }
}
