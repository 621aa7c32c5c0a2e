#if canImport(Glibc)
import Glibc
#endif

/// The machine a result was measured on, recorded with every result so that comparisons across
/// machines can be flagged (as package-benchmark's `BenchmarkMachine` does).
public struct MachineInfo: Codable, Sendable, Equatable {
    /// The host name (`uname -n`).
    public var host: String
    /// `model name` from `/proc/cpuinfo`, e.g. "AMD EPYC"; the architecture where the kernel
    /// reports no model name (most ARM machines).
    public var cpuModel: String
    /// Processors online (`_SC_NPROCESSORS_ONLN`).
    public var cores: Int
    /// Physical memory.
    public var memoryBytes: Int
    /// Kernel name and release, e.g. "Linux 6.18.44-fc-v782".
    public var kernel: String
    /// `uname -m`, e.g. "x86_64".
    public var architecture: String
    /// Filled in by the harness, which knows how it was built.
    public var swiftVersion: String?
    public var gitCommit: String?

    public init(host: String, cpuModel: String, cores: Int, memoryBytes: Int, kernel: String,
                architecture: String, swiftVersion: String? = nil, gitCommit: String? = nil) {
        self.host = host
        self.cpuModel = cpuModel
        self.cores = cores
        self.memoryBytes = memoryBytes
        self.kernel = kernel
        self.architecture = architecture
        self.swiftVersion = swiftVersion
        self.gitCommit = gitCommit
    }

    /// This machine, now; `swiftVersion` and `gitCommit` are left `nil`.
    public static func current() throws(MeasurementError) -> MachineInfo {
        var names = utsname()
        guard uname(&names) == 0 else { throw .system(call: "uname", subject: "kernel", errno: errno) }
        let architecture = string(names.machine)
        let cpuInfo = try ProcFile.read(cpuInfoPath)
        return MachineInfo(host: string(names.nodename),
                           cpuModel: cpuModel(fromCPUInfo: cpuInfo) ?? architecture,
                           cores: try sysconf(_SC_NPROCESSORS_ONLN, "_SC_NPROCESSORS_ONLN"),
                           memoryBytes: try sysconf(_SC_PHYS_PAGES, "_SC_PHYS_PAGES")
                               * sysconf(_SC_PAGESIZE, "_SC_PAGESIZE"),
                           kernel: "\(string(names.sysname)) \(string(names.release))",
                           architecture: architecture)
    }

    static let cpuInfoPath = "/proc/cpuinfo"

    /// The first `model name` in the text of `/proc/cpuinfo`, `nil` if there is none.
    static func cpuModel(fromCPUInfo text: String) -> String? {
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingWhitespace() == "model name" else { continue }
            let model = line[line.index(after: colon)...].trimmingWhitespace()
            if !model.isEmpty { return String(model) }
        }
        return nil
    }

    private static func sysconf(_ name: Int, _ label: String) throws(MeasurementError) -> Int {
        let value = Glibc.sysconf(Int32(name))
        guard value > 0 else { throw .system(call: "sysconf", subject: label, errno: errno) }
        return value
    }

    /// A NUL-terminated `utsname` field (a fixed-size C array, imported as a tuple).
    private static func string<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }
}
