import Foundation
import Measurement

/// What a result records about where it came from.
enum EnvironmentProbe {
    /// "debug" or "release", from the compilation conditions SwiftPM sets.
    static var build: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    /// The compiler that built this executable.
    static var swiftVersion: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #else
        return "6.1"
        #endif
    }

    /// The machine, with the Swift version and the git commit of the working tree ("unknown"
    /// outside a checkout; "-dirty" when it has uncommitted changes).
    static func machine() -> MachineInfo {
        var info = (try? MachineInfo.current())
            ?? MachineInfo(host: "unknown", cpuModel: "unknown", cores: 1, memoryBytes: 0, kernel: "unknown", architecture: "unknown")
        info.swiftVersion = swiftVersion
        info.gitCommit = gitCommit()
        return info
    }

    private static func gitCommit() -> String {
        guard let head = git(["rev-parse", "--short=12", "HEAD"]), !head.isEmpty else { return "unknown" }
        let dirty = git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty } ?? false
        return dirty ? head + "-dirty" : head
    }

    private static func git(_ arguments: [String]) -> String? {
        let result = try? ChildProcess(executable: "/usr/bin/env", arguments: ["git"] + arguments, timeoutSeconds: 10).run()
        guard let result, result.termination == .exited(0) else { return nil }
        return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
