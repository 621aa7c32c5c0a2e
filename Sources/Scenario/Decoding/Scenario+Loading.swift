#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Scenario {
    /// Reads and decodes a scenario file. An unreadable file is an error naming it and the OS's
    /// reason (`nope.json: cannot read: No such file or directory`).
    public static func load(path: String, patches: [JSONPatch] = []) throws(ScenarioError) -> Scenario {
        try decode(try readFile(path), file: path, patches: patches)
    }

    /// The file's bytes, read with POSIX calls so that a failure keeps its errno.
    static func readFile(_ path: String) throws(ScenarioError) -> [UInt8] {
        let unreadable = { ScenarioError(file: path, location: .file, problem: .unreadable(reason: String(cString: strerror(errno)))) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable() }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw unreadable()
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }
}
