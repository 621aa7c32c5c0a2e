import Foundation
import Measurement

extension Environment {
    /// Written wherever figures from a debug build appear, so nobody quotes them as performance.
    public static let debugWarning = "DEBUG BUILD — figures are not performance figures"

    /// Whether figures were measured on a debug build.
    public var isDebugBuild: Bool { build == "debug" }

    /// The machine and build as named fields, in the order every rendering shows them.
    public var fields: [(name: String, value: String)] {
        [("host", machine.host),
         ("CPU", "\(machine.cpuModel) (\(machine.architecture))"),
         ("cores", String(machine.cores)),
         ("memory", "\(String(format: "%.1f", Double(machine.memoryBytes) / 1_073_741_824)) GiB"),
         ("kernel", machine.kernel),
         ("Swift", machine.swiftVersion ?? "unknown"),
         ("commit", machine.gitCommit ?? "unknown"),
         ("build", build),
         ("clock", clock)]
    }

    /// The fields on one line, as the terminal and Markdown head their figures with them.
    public var summaryLine: String { fields.map { "\($0.name) \($0.value)" }.joined(separator: " · ") }
}
